import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.ts';
import { fixtureContext, moneyCase } from '../../../services/money/test-fixtures.ts';
import { DEV_TOKEN, moneyTestServer } from './test-server.ts';

const { db, kind } = await testDatabase();
const app = moneyTestServer(fixtureContext(db), ['shop-b']);
afterAll(() => app.close());

const staff = { authorization: `Bearer ${DEV_TOKEN}` };
const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload, headers: { ...staff, 'idempotency-key': randomUUID(), ...headers } });

describe(`money over HTTP on ${kind}`, () => {
  it('refunds a case once per Idempotency-Key, answering 201 with the entry and what is left', async () => {
    const { caseId } = await moneyCase(db, { refundableCents: 9_000 });
    const res = await post(`/api/v1/cases/${caseId}/refunds`, { amountCents: 4_000, reference: 'ch_123' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toMatchObject({
      entry: { kind: 'partial_refund', amountCents: 4_000, method: 'card', reference: 'ch_123' },
      caseMoney: { refundableCents: 9_000, refundedCents: 4_000, leftToRefundCents: 5_000 },
    });
  });

  it('gives 20 simultaneous full refunds under different keys one 201 and nineteen 409 OVER_REFUND', async () => {
    const { caseId } = await moneyCase(db, { refundableCents: 10_000 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post(`/api/v1/cases/${caseId}/refunds`, { amountCents: 10_000 })),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    const refused = answers.filter((a) => a.statusCode === 409);
    expect(refused).toHaveLength(19);
    for (const a of refused) expect(a.json()).toMatchObject({ code: 'OVER_REFUND', path: 'amountCents' });
    const ledger = await app.inject({ url: `/api/v1/cases/${caseId}/ledger`, headers: staff });
    expect(ledger.json()).toMatchObject({ refundedCents: 10_000, leftToRefundCents: 0, entries: [{ kind: 'refund' }] });
  });

  it('gives 20 simultaneous requests with the same key one refund and 20 identical answers', async () => {
    const { caseId } = await moneyCase(db, { refundableCents: 10_000 });
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(`/api/v1/cases/${caseId}/refunds`, { amountCents: 10_000 }, { 'idempotency-key': key }),
      ),
    );
    expect(new Set(answers.map((a) => `${a.statusCode} ${a.body}`)).size).toBe(1);
    expect(answers[0]?.statusCode).toBe(201);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    const ledger = await app.inject({ url: `/api/v1/cases/${caseId}/ledger`, headers: staff });
    expect(ledger.json().entries).toHaveLength(1);
  });

  it('refuses the same key with a different body: 409 IDEMPOTENCY_MISMATCH, nothing booked', async () => {
    const { caseId } = await moneyCase(db);
    const headers = { 'idempotency-key': 'retry-me' };
    expect((await post(`/api/v1/cases/${caseId}/refunds`, { amountCents: 100 }, headers)).statusCode).toBe(201);
    const changed = await post(`/api/v1/cases/${caseId}/refunds`, { amountCents: 200 }, headers);
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', path: 'Idempotency-Key' });
    const elsewhere = await post(`/api/v1/cases/${caseId}/charges`, { amountCents: 100, reason: 'x' }, headers);
    expect(elsewhere.json().code).toBe('IDEMPOTENCY_MISMATCH');
    const ledger = await app.inject({ url: `/api/v1/cases/${caseId}/ledger`, headers: staff });
    expect(ledger.json().refundedCents).toBe(100);
  });

  it('answers 400 MISSING_INPUT naming the header when a creating POST has no Idempotency-Key', async () => {
    const { caseId } = await moneyCase(db);
    for (const url of [
      `/api/v1/cases/${caseId}/refunds`,
      `/api/v1/cases/${caseId}/store-credit`,
      `/api/v1/cases/${caseId}/charges`,
      '/api/v1/gift-cards/0000-0000-0000-0000/spend',
    ]) {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: staff,
        payload: { amountCents: 100, reason: 'x' },
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'MISSING_INPUT', path: 'Idempotency-Key' });
    }
  });

  it('refuses bad input with 400 naming the field, never a 500', async () => {
    const { caseId } = await moneyCase(db);
    const url = `/api/v1/cases/${caseId}/refunds`;
    for (const [payload, path] of [
      [{ amountCents: 12.5 }, 'amountCents'],
      [{ amountCents: '100' }, 'amountCents'],
      [{ amountCents: 0 }, 'amountCents'],
      [{}, 'amountCents'],
      [{ amountCents: 100, tip: 1 }, undefined],
    ] as const) {
      const res = await post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json(), JSON.stringify(payload)).toMatchObject({ code: 'INVALID_INPUT', ...(path ? { path } : {}) });
    }
    const notJson = await app.inject({
      method: 'POST',
      url,
      headers: { ...staff, 'idempotency-key': 'k', 'content-type': 'application/json' },
      payload: '{',
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('lets only staff move money: 401 without a token, 403 for another shop’s agent, 404 for no such case', async () => {
    const { caseId } = await moneyCase(db);
    const url = `/api/v1/cases/${caseId}/refunds`;
    expect((await post(url, { amountCents: 100 }, { authorization: '' })).json()).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const other = await post(url, { amountCents: 100 }, { authorization: 'Bearer agent-shop-b' });
    expect(other.statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/cases/${caseId}/ledger` })).statusCode).toBe(401);
    const missing = await post('/api/v1/cases/no-such-case/refunds', { amountCents: 100 });
    expect(missing.statusCode).toBe(404);
  });

  it('issues store credit as a gift card anyone with the code can read, and staff spend it down', async () => {
    const { caseId } = await moneyCase(db, { refundableCents: 5_000, currency: 'EUR' });
    const issued = await post(`/api/v1/cases/${caseId}/store-credit`, { amountCents: 5_000 });
    expect(issued.statusCode).toBe(201);
    const { code } = issued.json().giftCard;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(issued.json().caseMoney).toMatchObject({ leftToRefundCents: 0 });

    const read = await app.inject(`/api/v1/gift-cards/${code.toLowerCase()}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ code, currency: 'EUR', initialCents: 5_000, balanceCents: 5_000 });
    expect(read.json()).not.toHaveProperty('caseId');

    const spent = await post(`/api/v1/gift-cards/${code}/spend`, { amountCents: 4_000, reference: 'order 2001' });
    expect(spent.statusCode).toBe(201);
    expect(spent.json().giftCard.balanceCents).toBe(1_000);
    const tooMuch = await post(`/api/v1/gift-cards/${code}/spend`, { amountCents: 1_001 });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json()).toMatchObject({ code: 'INSUFFICIENT_BALANCE', path: 'amountCents' });
    expect((await app.inject(`/api/v1/gift-cards/${code}`)).json().balanceCents).toBe(1_000);

    expect((await app.inject('/api/v1/gift-cards/0000-0000-0000-0000')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/gift-cards/nope')).json()).toMatchObject({ code: 'INVALID_INPUT', path: 'code' });
  });

  it('books charges and restocking fees outside the refund cap and sums them in the ledger', async () => {
    const { caseId } = await moneyCase(db, { refundableCents: 3_000 });
    const charge = await post(`/api/v1/cases/${caseId}/charges`, { amountCents: 2_500, reason: 'repair materials' });
    expect(charge.statusCode).toBe(201);
    expect(charge.json().entry).toMatchObject({ kind: 'charge', reference: 'repair materials' });
    const fee = await post(`/api/v1/cases/${caseId}/charges`, {
      kind: 'restocking_fee',
      amountCents: 300,
      reason: '10% restocking',
    });
    expect(fee.json().entry.kind).toBe('restocking_fee');
    expect((await post(`/api/v1/cases/${caseId}/charges`, { amountCents: 100 })).json()).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'reason',
    });
    const ledger = await app.inject({ url: `/api/v1/cases/${caseId}/ledger`, headers: staff });
    expect(ledger.statusCode).toBe(200);
    expect(ledger.json()).toMatchObject({
      currency: 'USD',
      refundableCents: 3_000,
      refundedCents: 0,
      leftToRefundCents: 3_000,
      chargedCents: 2_800,
    });
  });
});
