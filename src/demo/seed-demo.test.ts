import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { loadBundledPolicies } from '../policies/load-policy-file.ts';
import { listInbox } from '../services/list-inbox.ts';
import { syncBundledPolicies } from '../services/sync-bundled-policies.ts';
import { findOrder } from '../storage/repositories/orders.ts';
import { listShops } from '../storage/repositories/shops.ts';
import { auditLog } from '../storage/schema/index.ts';
import { DEMO_ACTOR, seedDemo } from './seed-demo.ts';

const { db } = await testDatabase();
const reference = new Date('2026-06-15T12:00:00Z');
let ids = 0;
const ctx = { db, now: () => reference, newId: () => `demo-test-${++ids}` };
const policies = [...loadBundledPolicies().values()];

describe('seedDemo', () => {
  it('imports every demo order, opens cases for some, and adds nothing when run again', {
    timeout: 120_000,
  }, async () => {
    await syncBundledPolicies({ ...ctx, now: () => new Date('2026-01-01T00:00:00Z') });
    const first = await seedDemo(ctx, { reference, policies });
    expect(first.shops).toBe(5);
    expect(first.ordersAdded).toBe(first.orders);
    expect(first.orders).toBeGreaterThan(50);
    expect(first.casesOpened).toBe(first.cases);
    expect(first.cases).toBeGreaterThanOrEqual(15);

    const again = await seedDemo(ctx, { reference, policies });
    expect(again).toEqual({ ...first, ordersAdded: 0, casesOpened: 0 });
    // Another day's demo has the same order numbers: what is there is left alone, not decided again.
    const later = await seedDemo(ctx, { reference: new Date('2026-06-18T09:00:00Z'), policies });
    expect(later).toMatchObject({ ordersAdded: 0, casesOpened: 0, cases: first.cases });
    expect((await listShops(db)).length).toBe(5);

    const opened = await db.select().from(auditLog).where(eq(auditLog.action, 'open'));
    expect(opened).toHaveLength(first.cases);
    expect(opened.every((a) => a.actor.endsWith('@example.com') && a.actor.startsWith('customer:'))).toBe(true);
  });

  it('leaves returns awaiting the parcel and requests needing review at each shop, and one case overdue', async () => {
    let overdue = 0;
    for (const shop of ['aoures', 'atelier', 'aulso', 'amijose', 'theor']) {
      const inbox = await listInbox(ctx, DEMO_ACTOR, { shopId: shop });
      const states = inbox.map((i) => i.state);
      expect(states, shop).toContain('needs_review');
      overdue += inbox.filter((i) => i.overdue).length;
      if (shop !== 'atelier') expect(states, shop).toContain('awaiting_return');
    }
    expect(overdue).toBe(1);
  });

  it('keeps each demo customer on their order, so they can find it by number and email', async () => {
    const order = await findOrder(db, 'aulso', 'AUL-50001');
    expect(order?.order.currency).toBe('USD');
  });
});
