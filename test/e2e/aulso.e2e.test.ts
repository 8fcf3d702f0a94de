import { describe, expect, it } from 'vitest';
import { deskApp } from '../desk-app.ts';
import { demoDecidedBy, Journey } from './journey.ts';

const desk = await deskApp();

describe(`Aulso, end to end on ${desk.database.kind}`, () => {
  it('takes a change of mind back within 72 hours, the shop paying the return, and refunds it', {
    timeout: 60_000,
  }, async () => {
    // "If you’ve changed your mind, you may return eligible items within 72 hours of receiving them.
    //  In this case, we’ll cover the return shipping."
    const demo = demoDecidedBy('aulso', 'change-of-mind-72h');
    expect(demo.request.reason).toBe('changed_mind');
    const delivered = Date.parse(demo.order.deliveredAt ?? '');
    expect(Date.parse(demo.now) - delivered).toBeLessThanOrEqual(72 * 3_600_000);

    const j = new Journey(desk, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_approved', outcome: 'approved' });
    expect(opened.decision).toMatchObject({ returnRequired: true, returnShippingPaidBy: 'shop' });
    expect(opened.decision?.resolutions).toContain('refund');
    expect(j.clauses()).toContain('change-of-mind-72h');
    expect(opened.decision?.reasons.map((r) => r.quote).join(' ')).toContain('we’ll cover the return shipping');

    await j.sendBackAndInspect();
    expect(j.case.outcome).toBe('approved');
    // The instructions sent with the authorization say who pays the parcel.
    const messages = (j.case.messages as { body: string }[]).map((m) => m.body).join('\n');
    expect(messages).toContain('We pay the return shipping.');

    const amount = j.case.money?.refundableCents ?? 0;
    expect(amount).toBeGreaterThan(0);
    const refund = await j.wait(1).money('refunds', amount, 'aulso-refund-1');
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json().entry).toMatchObject({
      kind: 'refund',
      amountCents: amount,
      method: demo.order.paymentMethod,
    });
    // A retry of the same click answers the first refund again, and books nothing more.
    const retry = await j.money('refunds', amount, 'aulso-refund-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(refund.json());

    await j.act('resolve', { resolution: 'refund' });
    await j.act('close');
    const ledger = await j.ledger();
    expect(ledger.entries.map((e) => [e.kind, e.amountCents])).toEqual([['refund', amount]]);
    expect(ledger).toMatchObject({ refundableCents: amount, refundedCents: amount, leftToRefundCents: 0 });
  });

  it('refuses the same change of mind once 72 hours have passed', { timeout: 30_000 }, async () => {
    const j = new Journey(desk, demoDecidedBy('aulso', 'change-of-mind-after-72h'));
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_denied', outcome: 'denied', money: { refundableCents: 0 } });
    expect((await j.try('authorize')).statusCode).toBe(409);
  });
});
