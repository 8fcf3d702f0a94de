import { describe, expect, it } from 'vitest';
import { deskApp } from '../desk-app.ts';
import { demoDecidedBy, Journey } from './journey.ts';

const desk = await deskApp();

describe(`Amijose, end to end on ${desk.database.kind}`, () => {
  it('takes a personalised piece back for store credit only, never a refund', { timeout: 60_000 }, async () => {
    // "personalized jewelry pieces are made especially for you; therefore, after 2 hours, they can either be
    //  returned for exchange or store credit."
    const demo = demoDecidedBy('amijose', 'personalised-store-credit');
    expect(demo.order.lines.find((l) => l.id === (demo.request.lines[0] ?? 'L1'))?.personalized).toBe(true);
    const j = new Journey(desk, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_approved', outcome: 'approved', money: { currency: 'GBP' } });
    const offered = opened.decision?.resolutions ?? [];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((r) => r === 'exchange' || r === 'store_credit')).toBe(true);
    expect(offered).not.toContain('refund');
    expect(j.clauses()).toContain('personalised-store-credit');

    await j.sendBackAndInspect();
    const refused = await j.try('resolve', { resolution: 'refund' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'resolution' });

    const credit = j.case.money?.refundableCents ?? 0;
    expect(credit).toBeGreaterThan(0);
    const issued = await j.wait(1).money('store-credit', credit, 'amijose-credit-1');
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json().giftCard).toMatchObject({ shopId: 'amijose', currency: 'GBP', balanceCents: credit });
    await j.act('resolve', { resolution: 'store_credit' });
    await j.act('close');

    const ledger = await j.ledger();
    expect(ledger.entries.map((e) => e.kind)).toEqual(['store_credit']);
    expect(ledger.entries.some((e) => e.kind === 'refund' || e.kind === 'partial_refund')).toBe(false);
  });
});
