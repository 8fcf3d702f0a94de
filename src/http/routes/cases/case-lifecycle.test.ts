import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp, openScenarioCase } from '../../../../test/desk-app.ts';
import { scenarioCase } from '../../../../test/scenario-case.ts';
import { auditLog, caseMoney, cases, orderLines, orders } from '../../../storage/schema/index.ts';

const desk = await deskApp();
const { db } = desk.database;

const act = (id: string, action: string, payload: object, token?: string) =>
  desk.staff({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, payload, token });
const anonymous = (id: string, action: string, payload: object) =>
  desk.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, payload });
const asCustomer = (id: string, action: string, payload: object) =>
  desk.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions/${action}`,
    payload: { orderNumber: 'AUL-88120', email: 'ana@example.com', ...payload },
  });
const auditOf = (caseId: string) => db.select().from(auditLog).where(eq(auditLog.caseId, caseId)).orderBy(auditLog.id);
const rowOf = async (caseId: string) => (await db.select().from(cases).where(eq(cases.id, caseId)))[0];

describe(`cases on ${desk.database.kind}`, () => {
  it('stores an Aulso change of mind 71 h 59 min after delivery with its decision, deadline and policy version', async () => {
    const opened = await openScenarioCase(desk, scenarioCase('aulso', 'change of mind 71h59m'));
    expect(opened).toMatchObject({
      reference: expect.stringMatching(/^AULSO-C\d{4,}$/),
      state: 'decided_approved',
      outcome: 'approved',
      policyVersion: { version: '2026-11-01' },
      decision: { outcome: 'approved', returnShippingPaidBy: 'shop', policyVersion: '2026-11-01' },
      deadlines: { respondsBy: '2026-05-11T15:59:59.999Z', shipBy: null },
      money: { currency: 'USD', refundableCents: 5900, refundedCents: 0 },
      allowedActions: ['withdraw'],
    });
    const row = await rowOf(opened.id);
    expect(row?.policyVersionId).toBe((opened.policyVersion as { id: string }).id);
    const trail = await auditOf(opened.id);
    expect(trail.map((a) => [a.action, a.fromState, a.toState, a.actor])).toEqual([
      ['open', null, 'submitted', 'customer:ana@example.com'],
      ['decide', 'submitted', 'decided_approved', 'system:loupe'],
    ]);
    expect(trail.every((a) => a.policyVersionId === row?.policyVersionId)).toBe(true);
  });

  it('walks a return from request to closed through the actions, auditing each with its actor', async () => {
    const c = await openScenarioCase(desk, scenarioCase('aulso', 'defective bracelet on day 12'));
    expect(c).toMatchObject({ state: 'decided_approved', money: { refundableCents: 9800 } });

    let res = await act(c.id, 'authorize', { revision: 0, shipBy: '2026-07-20T23:59:59+08:00' }, AULSO_AGENT_TOKEN);
    expect(res.statusCode, res.body).toBe(200);
    let view = res.json();
    expect(view).toMatchObject({
      state: 'awaiting_return',
      revision: 1,
      returnAddress: 'Rmo3,24/F,Ho King Comm Ctr,2-16 Fayuen St, Mong Kok,Hong Kong',
      deadlines: { shipBy: '2026-07-20T15:59:59.000Z' },
      request: { returnShipment: { authorized: true } },
    });
    expect(view.authorizationNumber).toMatch(/^RA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(view.messages.at(-1)).toMatchObject({ authorKind: 'system' });
    expect(view.messages.at(-1).body).toContain(view.authorizationNumber);
    expect(view.messages.at(-1).body).toContain('We pay the return shipping.');

    res = await desk.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions/ship_return`,
      payload: { orderNumber: 'AUL-88410', email: 'ana@example.com', revision: 1, trackingNumber: 'YT2607050001' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'in_transit', returnTrackingNumber: 'YT2607050001' });

    desk.setNow('2026-07-10T10:00:00+08:00');
    res = await act(c.id, 'receive', { revision: 2 });
    expect(res.json()).toMatchObject({
      state: 'received',
      // "Refunds are issued … within 7 business days after we receive and inspect your return."
      deadlines: { resolutionBy: '2026-07-21T15:59:59.999Z' },
      due: { kind: 'resolve', overdue: false },
    });
    res = await act(c.id, 'inspect', {
      revision: 3,
      findings: [{ id: 'L1', condition: { used: false, worn: false, originalPackaging: true, tagsAttached: true } }],
    });
    expect(res.json()).toMatchObject({ state: 'inspected', outcome: 'approved', money: { refundableCents: 9800 } });
    res = await act(c.id, 'resolve', { revision: 4, resolution: 'refund' });
    expect(res.json()).toMatchObject({ state: 'resolved' });
    res = await act(c.id, 'close', { revision: 5 });
    expect(res.json()).toMatchObject({ state: 'closed', revision: 6, allowedActions: [], due: null });

    const trail = await auditOf(c.id);
    expect(trail.map((a) => `${a.action} ${a.fromState}->${a.toState} by ${a.actor}`)).toEqual([
      'open null->submitted by customer:ana@example.com',
      'decide submitted->decided_approved by system:loupe',
      'authorize decided_approved->awaiting_return by agent:sam',
      'ship_return awaiting_return->in_transit by customer:ana@example.com',
      'receive in_transit->received by owner:dev',
      'inspect received->inspected by owner:dev',
      'resolve inspected->resolved by owner:dev',
      'close resolved->closed by owner:dev',
    ]);
    expect(new Set(trail.map((a) => a.policyVersionId)).size).toBe(1);
    expect(trail[2]?.detail).toMatchObject({ authorizationNumber: view.authorizationNumber });
    expect(trail[6]?.detail).toMatchObject({ resolution: 'refund', followUp: 'issue_money' });

    const order = await desk.staff({ url: '/api/v1/shops/aulso/orders/AUL-88410' });
    expect(order.json().shipments).toMatchObject([
      { direction: 'return', caseId: c.id, trackingNumber: 'YT2607050001', status: 'received' },
    ]);
    view = (await desk.staff({ url: `/api/v1/cases/${c.id}` })).json();
    expect(view.timeline).toHaveLength(8);
  });

  it('refuses an illegal transition with 409 and leaves the case as it was', async () => {
    const c = await openScenarioCase(desk, scenarioCase('aulso', 'wrong colour sent'));
    const before = await rowOf(c.id);
    const trail = await auditOf(c.id);
    const res = await act(c.id, 'receive', { revision: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(res.json().message).toContain('no "receive" from decided_approved');
    expect(await rowOf(c.id)).toEqual(before);
    expect(await auditOf(c.id)).toHaveLength(trail.length);

    // A return that needs the goods back cannot be resolved before they are inspected.
    const early = await act(c.id, 'resolve', { revision: 0, resolution: 'refund' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('authorize the return first');
    expect(await rowOf(c.id)).toEqual(before);
  });

  it('lets exactly one of two staff reviewing the same revision at once decide', async () => {
    const c = await openScenarioCase(desk, scenarioCase('aoures', 'made-to-order ring return is left'));
    expect(c).toMatchObject({ state: 'needs_review', money: { refundableCents: 0 } });
    const [a, b] = await Promise.all([
      act(c.id, 'review', { revision: 0, outcome: 'approved', reason: 'a loyal customer: store credit' }),
      act(c.id, 'review', { revision: 0, outcome: 'denied', reason: 'made to order' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'CONFLICT', path: 'revision' });
    const row = await rowOf(c.id);
    expect(row).toMatchObject({ revision: 1, outcome: winner.json().outcome, state: winner.json().state });
    const reviews = (await auditOf(c.id)).filter((e) => e.action === 'review');
    expect(reviews).toHaveLength(1);
    if (row?.outcome === 'approved') {
      // Staff granted what the policy left to them: what was paid for the ring may come back.
      expect(winner.json().money.refundableCents).toBe(28_900);
    }

    const stale = await act(c.id, 'override', { revision: 0, reason: 'second thoughts' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
  });

  it('numbers cases opened at the same moment without waiting on each other, never twice', async () => {
    const c = scenarioCase('theor', 'unused full-price ring returned late');
    await openScenarioCase(desk, c, 'gus@example.com');
    const opened = await Promise.all(
      Array.from({ length: 8 }, () =>
        desk.app.inject({
          method: 'POST',
          url: '/api/v1/shops/theor/cases',
          payload: { orderNumber: c.order.number, email: 'gus@example.com', request: c.request },
        }),
      ),
    );
    expect(opened.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const numbers = opened.map((r) => r.json().number as number);
    expect(new Set(numbers).size).toBe(8);
    for (const r of opened) expect(r.json().reference).toBe(`THEOR-C${r.json().number}`);
  });

  it('re-decides at inspection: a change-of-mind return found worn is refused and may refund nothing', async () => {
    const c = await openScenarioCase(desk, scenarioCase('aulso', 'change of mind 71h59m'), 'bo@example.com');
    let res = await act(c.id, 'authorize', { revision: 0, shipBy: '2026-05-20T00:00:00Z' });
    res = await act(c.id, 'receive', { revision: 1 });
    expect(res.json()).toMatchObject({ state: 'received', money: { refundableCents: 5900 } });
    res = await act(c.id, 'inspect', { revision: 2, findings: [{ id: 'L1', condition: { worn: true } }] });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ state: 'inspected', outcome: 'denied', money: { refundableCents: 0 } });
    expect(view.decision.reasons.map((r: { clause: string }) => r.clause)).toContain('not-original-condition');
    expect(view.allowedActions).toEqual(['close']);
    const inspect = (await auditOf(c.id)).find((e) => e.action === 'inspect');
    expect(inspect?.detail).toMatchObject({
      outcome: { before: 'approved', after: 'denied' },
      changes: [{ line: 'L1', changed: expect.arrayContaining(['outcome']) }],
    });
    const money = await db.select().from(caseMoney).where(eq(caseMoney.caseId, c.id));
    expect(money[0]?.refundableCents).toBe(0);

    const resolve = await act(c.id, 'resolve', { revision: 3, resolution: 'refund' });
    expect(resolve.statusCode).toBe(409);
    const close = await act(c.id, 'close', { revision: 3 });
    expect(close.json()).toMatchObject({ code: 'MISSING_INPUT', path: 'reason' });
    const closed = await act(c.id, 'close', { revision: 3, reason: 'worn: sent back as it came' });
    expect(closed.json()).toMatchObject({ state: 'closed' });
  });

  it('makes a remake an order of its own whose lines are marked, so the next request sees them', async () => {
    const c = await openScenarioCase(desk, scenarioCase('aoures', 'made-to-order ring defective on the 90th'));
    expect(c).toMatchObject({
      state: 'decided_approved',
      decision: { resolutions: ['remake'], returnRequired: false },
    });
    const refused = await act(c.id, 'resolve', { revision: 0, resolution: 'refund' });
    expect(refused.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'resolution' });
    const remakeNumber = `AOU-23877-REMAKE-${c.number}`;
    const res = await act(c.id, 'resolve', { revision: 0, resolution: 'remake' });
    expect(res.statusCode, res.body).toBe(200);
    const resolve = (await auditOf(c.id)).find((e) => e.action === 'resolve');
    expect(resolve?.detail).toMatchObject({
      followUp: 'create_order',
      followUpOrder: { number: remakeNumber, kind: 'remake' },
    });

    const [remake] = await db.select().from(orders).where(eq(orders.number, remakeNumber));
    expect(remake).toMatchObject({ kind: 'remake', originCaseId: c.id, shippingPaidCents: 0, deliveredAt: null });
    const lines = await db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, remake?.id ?? ''));
    // "We can only offer a remake or replacement for your order once and is deemed final sale once received."
    expect(lines).toMatchObject([{ lineId: 'L1', previousRemakeOrReplacement: true, finalSale: true, quantity: 1 }]);

    const view = await desk.staff({ url: `/api/v1/shops/aoures/orders/${remakeNumber}` });
    expect(view.json()).toMatchObject({ kind: 'remake', originCaseId: c.id, customer: { email: 'ana@example.com' } });

    desk.setNow('2026-12-01T10:00:00-08:00');
    const again = await desk.app.inject({
      method: 'POST',
      url: '/api/v1/shops/aoures/cases',
      payload: {
        orderNumber: remakeNumber,
        email: 'ana@example.com',
        request: { type: 'warranty', lines: ['L1'], reason: 'defective' },
      },
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ outcome: 'denied' });
    expect(again.json().reasons.map((r: { clause: string }) => r.clause)).toContain('one-remake-only');
  });

  it('needs a written reason to override, and changes what may be refunded with the outcome', async () => {
    const c = await openScenarioCase(desk, scenarioCase('aulso', 'change of mind 71h59m'), 'cy@example.com');
    const bare = await act(c.id, 'override', { revision: 0 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ code: 'MISSING_INPUT', path: 'reason' });
    const res = await act(c.id, 'override', { revision: 0, reason: 'the bracelet was bought for a wedding abroad' });
    expect(res.json()).toMatchObject({ state: 'decided_denied', outcome: 'denied', money: { refundableCents: 0 } });
    const back = await act(c.id, 'override', { revision: 1, reason: 'manager agreed after a call' });
    expect(back.json()).toMatchObject({
      state: 'decided_approved',
      outcome: 'approved',
      money: { refundableCents: 5900 },
    });
    const overrides = (await auditOf(c.id)).filter((e) => e.action === 'override');
    expect(overrides.map((e) => (e.detail as { reason: string }).reason)).toEqual([
      'the bracelet was bought for a wedding abroad',
      'manager agreed after a call',
    ]);
  });

  it('lets the customer do what the table gives customers and nothing else', async () => {
    const c = await openScenarioCase(desk, scenarioCase('aulso', 'change of mind 71h59m'), 'dee@example.com');
    const review = await desk.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions/override`,
      payload: { orderNumber: 'AUL-88120', email: 'dee@example.com', revision: 0, reason: 'please' },
    });
    expect(review.statusCode).toBe(403);
    expect(review.json().code).toBe('FORBIDDEN');
    const other = await asCustomer(c.id, 'withdraw', { revision: 0 });
    expect(other.statusCode).toBe(401);
    const nobody = await anonymous(c.id, 'withdraw', { revision: 0 });
    expect(nobody.statusCode).toBe(401);
    const withdraw = await desk.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions/withdraw`,
      payload: { orderNumber: 'aul-88120', email: 'DEE@example.com', revision: 0 },
    });
    expect(withdraw.statusCode, withdraw.body).toBe(401);
    const ok = await desk.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions/withdraw`,
      payload: { orderNumber: 'AUL-88120', email: 'DEE@example.com', revision: 0 },
    });
    expect(ok.json()).toMatchObject({ state: 'withdrawn', allowedActions: [] });
  });

  it('expires an authorized return not sent by its ship-by date, as Loupe only', async () => {
    const { expireOverdueReturns } = await import('../../../services/expire-overdue-returns.ts');
    const c = await openScenarioCase(
      desk,
      scenarioCase('aulso', 'wrong item sent, asked in the last minute'),
      'ed@example.com',
    );
    await act(c.id, 'authorize', { revision: 0, shipBy: '2026-10-20T00:00:00Z' });
    const early = await act(c.id, 'expire', { revision: 1 });
    expect(early.statusCode).toBe(403);
    expect(await expireOverdueReturns(desk.ctx)).not.toContain(c.id);
    desk.setNow('2026-10-20T00:00:01Z');
    expect(await expireOverdueReturns(desk.ctx)).toContain(c.id);
    expect(await rowOf(c.id)).toMatchObject({ state: 'expired', revision: 2 });
    expect((await auditOf(c.id)).at(-1)).toMatchObject({ action: 'expire', actor: 'system:loupe', toState: 'expired' });
  });
});

describe('bad input', () => {
  it('answers 400 naming the field, never 500', async () => {
    const c = await openScenarioCase(
      desk,
      scenarioCase('aulso', 'worn earrings next to an unused bracelet'),
      'fay@example.com',
    );
    const cases: [string, object, string][] = [
      ['authorize', {}, 'revision'],
      ['authorize', { revision: 'one' }, 'revision'],
      ['authorize', { revision: 0, shipBy: 'next week' }, 'shipBy'],
      ['authorize', { revision: 0, coupon: 'X' }, ''],
      ['review', { revision: 0, outcome: 'maybe' }, 'outcome'],
    ];
    for (const [action, payload, path] of cases) {
      const res = await act(c.id, action, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('INVALID_INPUT');
      if (path) expect(res.json().path).toBe(path);
    }
    const unknown = await act(c.id, 'approve', { revision: 0 });
    expect(unknown.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'action' });
    const authorize = await act(c.id, 'authorize', { revision: 0 });
    expect(authorize.json()).toMatchObject({ code: 'MISSING_INPUT', path: 'shipBy' });
    const past = await act(c.id, 'authorize', { revision: 0, shipBy: '2020-01-01T00:00:00Z' });
    expect(past.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'shipBy' });
    const inspect = await act(c.id, 'inspect', { revision: 0, findings: [{ id: 'L1', condition: { shiny: true } }] });
    expect(inspect.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'findings[0].condition' });
    const missing = await desk.staff({ url: '/api/v1/cases/no-such-case' });
    expect(missing.statusCode).toBe(404);

    const open = (payload: object) => desk.staff({ method: 'POST', url: '/api/v1/shops/aulso/cases', payload });
    expect((await open({ orderNumber: 'AUL-88120', request: { type: 'return' } })).json()).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'request.lines',
    });
    expect((await open({ orderNumber: 'AUL-88120', request: { type: 'return', lines: ['L7'] } })).json()).toMatchObject(
      { code: 'UNKNOWN_LINE' },
    );
    expect((await open({ orderNumber: 'NOPE', request: { type: 'return', lines: ['L1'] } })).json()).toMatchObject({
      code: 'NOT_FOUND',
      path: 'orderNumber',
    });
    expect((await open({ request: { type: 'return', lines: ['L1'] } })).json()).toMatchObject({
      code: 'MISSING_INPUT',
      path: 'orderNumber',
    });
    expect((await open({ request: { type: 'inquiry' } })).json()).toMatchObject({
      code: 'MISSING_INPUT',
      path: 'message',
    });
    const text = await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/aulso/cases',
      headers: { 'content-type': 'application/json' },
      payload: '{"request":',
    });
    expect(text.statusCode).toBe(400);
  });
});
