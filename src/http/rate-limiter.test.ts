import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { loadBundledPolicies } from '../policies/load-policy-file.ts';
import { liveContext, type ServiceContext } from '../services/service-context.ts';
import { syncBundledPolicies } from '../services/sync-bundled-policies.ts';
import { rateLimitAttempts } from '../storage/schema/index.ts';
import { buildServer } from './build-server.ts';
import { RateLimitedError, RateLimiter, SIGN_IN_LIMIT } from './rate-limiter.ts';

const { db, kind } = await testDatabase();

/** A clock the test moves by hand. */
function handClock(start: string) {
  let now = new Date(start);
  return { now: () => now, pass: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const refusal = async (attempt: Promise<unknown>) => {
  try {
    await attempt;
    return undefined;
  } catch (err) {
    if (err instanceof RateLimitedError) return err;
    throw err;
  }
};

describe(`rate limits kept in the database (${kind})`, () => {
  it('refuses the eleventh attempt in 15 minutes until the first one has left the window, then sweeps it', async () => {
    const clock = handClock('2026-11-27T09:00:00Z');
    const limiter = new RateLimiter(db, SIGN_IN_LIMIT, clock.now);
    for (let i = 0; i < 10; i++) {
      await limiter.assertAllowed('staff:198.51.100.7:mei@aulso.example', 'sign-in');
      await limiter.record('staff:198.51.100.7:mei@aulso.example');
      clock.pass(60_000);
    }
    // Ten attempts a minute apart: the first stops counting 15 minutes after it, 5 minutes from now.
    const refused = await refusal(limiter.assertAllowed('staff:198.51.100.7:mei@aulso.example', 'sign-in'));
    expect(refused?.retryAfterSeconds).toBe(5 * 60);
    expect(refused?.message).toBe('too many sign-in attempts: try again in 300 s');
    // Another email from the same address, or the same email from another, has its own count.
    expect(await refusal(limiter.assertAllowed('staff:198.51.100.7:bo@aulso.example', 'sign-in'))).toBeUndefined();
    expect(await refusal(limiter.assertAllowed('staff:198.51.100.8:mei@aulso.example', 'sign-in'))).toBeUndefined();

    clock.pass(5 * 60_000);
    expect(await refusal(limiter.assertAllowed('staff:198.51.100.7:mei@aulso.example', 'sign-in'))).toBeUndefined();
    await limiter.hit('link:198.51.100.9:ana@example.com', 'sign-in link');
    // Recording swept the attempt that stopped counting: nine of the ten are left, and the new one.
    const left = await db.select().from(rateLimitAttempts);
    expect(left).toHaveLength(10);
    expect(left.every((a) => a.expiresAt.getTime() > clock.now().getTime())).toBe(true);
  });

  it('shares one count among the server processes on a database, and a restarted one keeps it', async () => {
    const context: ServiceContext = liveContext(db);
    await syncBundledPolicies(context);
    const servers = [0, 1].map(() => buildServer({ policies: loadBundledPolicies(), context }));
    const lookUp = (server: number) =>
      servers[server % 2]?.inject({
        method: 'POST',
        url: '/api/v1/shops/aulso/sessions/customer',
        payload: { orderNumber: 'AUL-SHARED', email: 'nobody@example.com' },
      });
    try {
      // Ten wrong look-ups, alternating between two servers: each alone has seen five.
      for (let i = 0; i < 10; i++) expect((await lookUp(i))?.statusCode).toBe(401);
      expect((await lookUp(0))?.statusCode).toBe(429);
      expect((await lookUp(1))?.statusCode).toBe(429);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
    const restarted = buildServer({ policies: loadBundledPolicies(), context });
    try {
      const res = await restarted.inject({
        method: 'POST',
        url: '/api/v1/shops/aulso/sessions/customer',
        payload: { orderNumber: 'AUL-SHARED', email: 'nobody@example.com' },
      });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await restarted.close();
    }
  });
});
