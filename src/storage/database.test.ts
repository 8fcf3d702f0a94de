import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { type LoupeDatabase, transaction } from './database.ts';
import { type DatabaseRefusal, readDatabaseError, SQLSTATE } from './database-error.ts';
import { migrate } from './migrate.ts';
import {
  attachments,
  caseMoney,
  cases,
  customers,
  giftCards,
  ledgerEntries,
  messages,
  orders,
  policyVersions,
  shops,
} from './schema/index.ts';

const { db, kind } = await testDatabase();
const now = new Date('2026-05-04T08:00:00.000Z');

/** The database's refusal of `work`; fails the test when the database accepts it. */
async function refusalOf(work: PromiseLike<unknown>): Promise<DatabaseRefusal> {
  try {
    await work;
  } catch (error) {
    const refusal = readDatabaseError(error);
    if (refusal) return refusal;
    throw error;
  }
  throw new Error('the database accepted it');
}

/** A shop with a policy version, a customer, an order and a decided return case whose decision allows `refundableCents`. */
async function decidedCase(database: LoupeDatabase, refundableCents: number) {
  const shopId = `shop-${randomUUID()}`;
  await database.insert(shops).values({ id: shopId, name: 'Test shop', createdAt: now });
  const policyVersionId = randomUUID();
  await database.insert(policyVersions).values({
    id: policyVersionId,
    shopId,
    version: '2026-01-01',
    sourceYaml: 'loupe: 1',
    policy: { id: shopId } as never,
    effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    createdAt: now,
  });
  const customerId = randomUUID();
  await database.insert(customers).values({ id: customerId, shopId, email: 'ana@example.com', createdAt: now });
  const orderId = randomUUID();
  await database.insert(orders).values({
    id: orderId,
    shopId,
    number: '1001',
    customerId,
    placedAt: new Date('2026-04-20T10:00:00Z'),
    currency: 'USD',
    destinationCountry: 'US',
    createdAt: now,
  });
  const caseId = randomUUID();
  await database.insert(cases).values({
    id: caseId,
    shopId,
    orderId,
    number: 1,
    type: 'return',
    state: 'approved',
    policyVersionId,
    createdAt: now,
    updatedAt: now,
  });
  await database.insert(caseMoney).values({ caseId, currency: 'USD', refundableCents });
  return { shopId, orderId, caseId, customerId };
}

async function refundedCents(caseId: string): Promise<number | undefined> {
  const [row] = await db.select().from(caseMoney).where(eq(caseMoney.caseId, caseId));
  return row?.refundedCents;
}

describe(`storage on ${kind}`, () => {
  it('has every table after migrating, and a second migration applies nothing', async () => {
    const tables = await db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'attachments',
      'audit_log',
      'case_money',
      'cases',
      'customers',
      'gift_cards',
      'idempotency_keys',
      'ledger_entries',
      'mail_inbound',
      'mail_outbox',
      'mail_threads',
      'messages',
      'order_lines',
      'orders',
      'policy_versions',
      'rate_limit_attempts',
      'sessions',
      'shipments',
      'shops',
      'sign_in_links',
      'staff_accounts',
      'tracking_events',
    ]);
    expect(await migrate(db)).toEqual([]);
  });

  it('refuses a refund beyond what the decision allows and leaves the row as it was', async () => {
    const { caseId } = await decidedCase(db, 10_000);
    await db
      .update(caseMoney)
      .set({ refundedCents: sql`${caseMoney.refundedCents} + 4000` })
      .where(eq(caseMoney.caseId, caseId));

    const refusal = await refusalOf(
      db
        .update(caseMoney)
        .set({ refundedCents: sql`${caseMoney.refundedCents} + 6001` })
        .where(eq(caseMoney.caseId, caseId)),
    );
    expect(refusal).toMatchObject({
      code: SQLSTATE.checkViolation,
      constraint: 'case_money_refunded_within_refundable',
    });
    expect(await refundedCents(caseId)).toBe(4000);
  });

  it('books exactly the refunds that fit when 20 are clicked at once', async () => {
    const { shopId, caseId } = await decidedCase(db, 10_000);
    // On PostgreSQL every transaction is open before any updates, so all 20
    // queue on the row lock; PGlite has one connection and runs them in turn.
    const clicks = 20;
    let begun = 0;
    let allBegun: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      allBegun = resolve;
    });

    const results = await Promise.allSettled(
      Array.from({ length: clicks }, (_, i) =>
        transaction(db, async (tx) => {
          if (kind === 'postgres') {
            await tx.execute(sql`select 1`);
            if (++begun === clicks) allBegun();
            await barrier;
          }
          await tx
            .update(caseMoney)
            .set({ refundedCents: sql`${caseMoney.refundedCents} + 1500` })
            .where(eq(caseMoney.caseId, caseId));
          await tx.insert(ledgerEntries).values({
            id: randomUUID(),
            shopId,
            caseId,
            kind: 'partial_refund',
            amountCents: 1500,
            currency: 'USD',
            idempotencyKey: `click-${i}`,
            createdAt: now,
          });
        }),
      ),
    );

    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.length - refused.length).toBe(6);
    for (const r of refused) expect(readDatabaseError(r.reason)?.code).toBe(SQLSTATE.checkViolation);
    expect(await refundedCents(caseId)).toBe(9000);
    const [booked] = await db
      .select({ total: sql<string>`sum(${ledgerEntries.amountCents})`, count: sql<string>`count(*)` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.caseId, caseId));
    expect({ total: Number(booked?.total), count: Number(booked?.count) }).toEqual({ total: 9000, count: 6 });
  });

  it('never lets a gift card balance go below zero, even spent concurrently', async () => {
    const { shopId, caseId } = await decidedCase(db, 5000);
    const code = `GC-${randomUUID()}`;
    await db
      .insert(giftCards)
      .values({ code, shopId, caseId, currency: 'USD', initialCents: 5000, balanceCents: 5000, createdAt: now });
    const spend = (cents: number) =>
      db
        .update(giftCards)
        .set({ balanceCents: sql`${giftCards.balanceCents} - ${cents}` })
        .where(eq(giftCards.code, code));

    await spend(3000);
    expect(await refusalOf(spend(3000))).toMatchObject({
      code: SQLSTATE.checkViolation,
      constraint: 'gift_cards_balance_within_initial',
    });
    const spends = await Promise.allSettled(Array.from({ length: 5 }, () => spend(1000)));
    expect(spends.filter((s) => s.status === 'fulfilled')).toHaveLength(2);
    const [card] = await db.select().from(giftCards).where(eq(giftCards.code, code));
    expect(card?.balanceCents).toBe(0);
  });

  describe('attachments', () => {
    async function message() {
      const { caseId } = await decidedCase(db, 0);
      const id = randomUUID();
      await db
        .insert(messages)
        .values({ id, caseId, authorKind: 'customer', author: 'ana@example.com', body: 'photo', createdAt: now });
      return id;
    }
    const attach = (messageId: string, contentType: string, data: Uint8Array, sizeBytes = data.byteLength) =>
      db.insert(attachments).values({
        id: randomUUID(),
        messageId,
        filename: 'ring.jpg',
        contentType: contentType as 'image/jpeg',
        sizeBytes,
        data,
      });

    it('keeps a photo byte for byte', async () => {
      const messageId = await message();
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x01, 0xfe]);
      await attach(messageId, 'image/jpeg', bytes);
      const [row] = await db.select().from(attachments).where(eq(attachments.messageId, messageId));
      expect(row && [...row.data]).toEqual([...bytes]);
    });

    it('refuses a type that is not a photo or a PDF', async () => {
      const refusal = await refusalOf(attach(await message(), 'image/gif', new Uint8Array([1])));
      expect(refusal).toMatchObject({ code: SQLSTATE.checkViolation, constraint: 'attachments_content_type_allowed' });
    });

    // Passing 10 MiB to PGlite takes seconds (decision 006); more than the default 5 s when the whole suite runs.
    it('refuses a file over 10 MiB', { timeout: 30_000 }, async () => {
      const refusal = await refusalOf(attach(await message(), 'application/pdf', new Uint8Array(10 * 1024 * 1024 + 1)));
      expect(refusal).toMatchObject({ code: SQLSTATE.checkViolation, constraint: 'attachments_size_within_limit' });
    });

    it('refuses a declared size that is not the size of the bytes', async () => {
      const refusal = await refusalOf(attach(await message(), 'image/png', new Uint8Array(10), 5));
      expect(refusal).toMatchObject({ code: SQLSTATE.checkViolation, constraint: 'attachments_size_matches_data' });
    });
  });

  it('refuses a remake order that names no case, and a customer email not in lower case', async () => {
    const { shopId, customerId } = await decidedCase(db, 0);
    const remake = db.insert(orders).values({
      id: randomUUID(),
      shopId,
      number: '1001-R',
      customerId,
      placedAt: now,
      currency: 'USD',
      destinationCountry: 'US',
      kind: 'remake',
      createdAt: now,
    });
    expect(await refusalOf(remake)).toMatchObject({ constraint: 'orders_origin_case_for_follow_ups' });
    const shouting = db
      .insert(customers)
      .values({ id: randomUUID(), shopId, email: 'Ana@Example.com', createdAt: now });
    expect(await refusalOf(shouting)).toMatchObject({ constraint: 'customers_email_lower_case' });
  });

  it('reads a timestamp back as the same instant', async () => {
    const { orderId } = await decidedCase(db, 0);
    const [order] = await db.select({ placedAt: orders.placedAt }).from(orders).where(eq(orders.id, orderId));
    expect(order?.placedAt.toISOString()).toBe('2026-04-20T10:00:00.000Z');
  });
});
