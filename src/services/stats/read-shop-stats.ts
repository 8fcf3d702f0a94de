import { sql } from 'drizzle-orm';
import { transaction } from '../../storage/database.ts';
import { policyVersionInForce } from '../../storage/repositories/policy-versions.ts';
import { assertStaffOf } from '../assert-access.ts';
import { findShopOrThrow } from '../find-shop-or-throw.ts';
import type { Actor, ServiceContext } from '../service-context.ts';

/** How long a resolved case took, in the buckets the dashboard charts. */
export const RESOLUTION_BUCKETS = [
  'under 1 day',
  '1 to 3 days',
  '3 to 7 days',
  '7 to 14 days',
  '14 days or more',
] as const;

/** A shop's case figures over a period, for the back office's dashboard. */
export type ShopStats = {
  shop: string;
  timeZone: string;
  from: string;
  to: string;
  opened: number;
  /** Cases opened per week (weeks start on Monday, on the shop's calendar). */
  volume: { week: string; opened: number }[];
  /** Why customers asked: the request's reason, else its type. */
  reasons: { reason: string; count: number }[];
  /** The outcome in force: the decision's, or staff's after a review; `none` before any. */
  outcomes: { outcome: string; count: number }[];
  /** From opening to the first `resolve`, for cases opened in the period and resolved. */
  resolution: {
    resolved: number;
    medianHours: number | null;
    averageHours: number | null;
    buckets: { bucket: (typeof RESOLUTION_BUCKETS)[number]; count: number }[];
  };
};

const count = (v: unknown) => Number(v ?? 0);
const hours = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

/**
 * A shop's figures for the cases opened in the last `days` days, each computed
 * by the database (counts, weeks on the shop's calendar, median by
 * percentile_cont) rather than by reading every case. Staff of the shop.
 */
export async function readShopStats(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  days: number,
): Promise<ShopStats> {
  assertStaffOf(actor, shopId);
  const to = ctx.now();
  const from = new Date(to.getTime() - days * 86_400_000);
  return transaction(ctx.db, async (tx) => {
    await findShopOrThrow(tx, shopId);
    const timeZone = (await policyVersionInForce(tx, shopId, to))?.policy.profile.timeZone ?? 'UTC';
    const inPeriod = sql`c.shop_id = ${shopId} and c.created_at >= ${from.toISOString()}::timestamptz and c.created_at <= ${to.toISOString()}::timestamptz`;
    const volume = await tx.execute<{ week: string; opened: unknown }>(sql`
      select to_char(date_trunc('week', c.created_at at time zone ${timeZone}), 'YYYY-MM-DD') as week, count(*) as opened
      from cases c where ${inPeriod} group by 1 order by 1`);
    const reasons = await tx.execute<{ reason: string; count: unknown }>(sql`
      select coalesce(c.request->>'reason', c.type) as reason, count(*) as count
      from cases c where ${inPeriod} group by 1 order by 2 desc, 1`);
    const outcomes = await tx.execute<{ outcome: string; count: unknown }>(sql`
      select coalesce(c.outcome, 'none') as outcome, count(*) as count
      from cases c where ${inPeriod} group by 1 order by 2 desc, 1`);
    const took = sql`extract(epoch from (r.at - c.created_at)) / 3600.0`;
    const resolvedCases = sql`cases c join (
        select case_id, min(at) as at from audit_log where shop_id = ${shopId} and action = 'resolve' group by case_id
      ) r on r.case_id = c.id`;
    const [summary] = (
      await tx.execute<{ resolved: unknown; median: unknown; average: unknown }>(sql`
      select count(*) as resolved, percentile_cont(0.5) within group (order by ${took}) as median, avg(${took}) as average
      from ${resolvedCases} where ${inPeriod}`)
    ).rows;
    const buckets = await tx.execute<{ bucket: number; count: unknown }>(sql`
      select width_bucket(${took}, array[24, 72, 168, 336]::float8[]) as bucket, count(*) as count
      from ${resolvedCases} where ${inPeriod} group by 1`);
    const perBucket = new Map(buckets.rows.map((b) => [Number(b.bucket), count(b.count)]));
    return {
      shop: shopId,
      timeZone,
      from: from.toISOString(),
      to: to.toISOString(),
      opened: volume.rows.reduce((sum, v) => sum + count(v.opened), 0),
      volume: volume.rows.map((v) => ({ week: v.week, opened: count(v.opened) })),
      reasons: reasons.rows.map((r) => ({ reason: r.reason, count: count(r.count) })),
      outcomes: outcomes.rows.map((o) => ({ outcome: o.outcome, count: count(o.count) })),
      resolution: {
        resolved: count(summary?.resolved),
        medianHours: hours(summary?.median),
        averageHours: hours(summary?.average),
        buckets: RESOLUTION_BUCKETS.map((bucket, i) => ({ bucket, count: perBucket.get(i) ?? 0 })),
      },
    };
  });
}
