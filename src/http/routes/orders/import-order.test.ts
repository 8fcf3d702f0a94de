import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp, SYNCED_AT } from '../../../../test/desk-app.ts';
import { auditLog } from '../../../storage/schema/index.ts';

const desk = await deskApp();
const { db } = desk.database;

/** A The Or order, numbered `number`. */
const orderNumbered = (number: string) => ({
  order: {
    number,
    placedAt: '2026-07-02T15:00:00-04:00',
    currency: 'USD',
    destinationCountry: 'US',
    paymentMethod: 'card',
    shippingPaid: 800,
    lines: [{ id: 'L1', sku: 'OR-RG-1', title: 'Signet', category: 'ring', unitPrice: 16500, quantity: 1 }],
  },
  customer: { email: 'gia@example.com', name: 'Gia' },
});

const importOrder = (payload: object, key?: string, token?: string) =>
  desk.staff({
    method: 'POST',
    url: '/api/v1/shops/theor/orders',
    payload,
    token,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });

/** What the audit log says was done to the order: `import_order`, then `reimport_order` for each import after. */
const importsOf = async (number: string) =>
  (await db.select().from(auditLog).where(eq(auditLog.shopId, 'theor')))
    .filter((row) => (row.detail as { orderNumber?: string }).orderNumber === number)
    .map((row) => row.action);

describe(`POST /api/v1/shops/:id/orders with an Idempotency-Key on ${desk.database.kind}`, () => {
  it('answers a retry with the first answer, byte for byte, and imports the order once', async () => {
    desk.setNow(SYNCED_AT);
    const first = await importOrder(orderNumbered('OR-7001'), 'import-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The same body with its keys in another order is the same request.
    const { customer, order } = orderNumbered('OR-7001');
    const again = await importOrder({ customer, order }, 'import-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect(first.json()).toMatchObject({ shop: 'theor', number: 'OR-7001' });
    expect(await importsOf('OR-7001')).toEqual(['import_order']);
  });

  it('refuses the same key with another body with 409 IDEMPOTENCY_MISMATCH, and imports nothing', async () => {
    await importOrder(orderNumbered('OR-7002'), 'import-2');
    const other = await importOrder(orderNumbered('OR-7003'), 'import-2');
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', path: 'Idempotency-Key' });
    expect((await desk.staff({ url: '/api/v1/shops/theor/orders/OR-7003' })).statusCode).toBe(404);
    expect(await importsOf('OR-7003')).toEqual([]);
  });

  it('imports again without a key, as it always has', async () => {
    const first = await importOrder(orderNumbered('OR-7004'));
    const second = await importOrder(orderNumbered('OR-7004'));
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(await importsOf('OR-7004')).toEqual(['import_order', 'reimport_order']);
  });

  it('runs a request again under a key used more than 24 hours before', async () => {
    desk.setNow('2026-02-01T00:00:00Z');
    expect((await importOrder(orderNumbered('OR-7005'), 'import-5')).statusCode).toBe(201);
    desk.setNow('2026-02-01T23:59:59Z');
    expect((await importOrder(orderNumbered('OR-7005'), 'import-5')).headers['idempotent-replayed']).toBe('true');
    desk.setNow('2026-02-02T00:00:00Z');
    const late = await importOrder(orderNumbered('OR-7005'), 'import-5');
    expect(late.statusCode, late.body).toBe(200);
    expect(late.headers['idempotent-replayed']).toBeUndefined();
    expect(await importsOf('OR-7005')).toEqual(['import_order', 'reimport_order']);
  });

  it('replays an answer only to staff of the shop, and refuses a key for a shop that does not exist', async () => {
    await importOrder(orderNumbered('OR-7006'), 'import-6');
    const outsider = await importOrder(orderNumbered('OR-7006'), 'import-6', AULSO_AGENT_TOKEN);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('FORBIDDEN');
    const nowhere = await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/nope/orders',
      payload: orderNumbered('OR-7007'),
      headers: { 'idempotency-key': 'import-7' },
    });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toMatchObject({ code: 'UNKNOWN_SHOP', path: 'id' });
    const tooLong = await importOrder(orderNumbered('OR-7008'), 'k'.repeat(256));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'Idempotency-Key' });
  });
});
