import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { loadBundledPolicies } from '../policies/load-policy-file.ts';
import { liveContext } from '../services/service-context.ts';
import { syncBundledPolicies } from '../services/sync-bundled-policies.ts';
import { buildServer, readTrustProxy } from './build-server.ts';

const { db } = await testDatabase();
const context = liveContext(db);
await syncBundledPolicies(context);

/** Ten wrong look-ups of one order from `client`, then an eleventh: its status. */
async function eleventhLookUp(app: ReturnType<typeof buildServer>, client: string, other: string) {
  const lookUp = (from: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/shops/aulso/sessions/customer',
      headers: { 'x-forwarded-for': from },
      payload: { orderNumber: 'AUL-404', email: 'nobody@example.com' },
    });
  for (let i = 0; i < 10; i++) expect((await lookUp(client)).statusCode).toBe(401);
  return { same: (await lookUp(client)).statusCode, other: (await lookUp(other)).statusCode };
}

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  it('counts look-ups per customer as the proxy forwards them, when told to trust it', async () => {
    const app = buildServer({ policies: loadBundledPolicies(), context, trustProxy: '127.0.0.1' });
    try {
      expect(await eleventhLookUp(app, '203.0.113.5', '203.0.113.6')).toEqual({ same: 429, other: 401 });
    } finally {
      await app.close();
    }
  });

  it('believes no forwarded address by default: every request is the proxy’s', async () => {
    const app = buildServer({ policies: loadBundledPolicies(), context });
    try {
      expect(await eleventhLookUp(app, '203.0.113.5', '203.0.113.6')).toEqual({ same: 429, other: 429 });
    } finally {
      await app.close();
    }
  });

  it('reads TRUST_PROXY as true, a number of hops, or addresses', () => {
    expect(readTrustProxy(undefined)).toBeUndefined();
    expect(readTrustProxy('false')).toBeUndefined();
    expect(readTrustProxy('true')).toBe(true);
    expect(readTrustProxy('1')).toBe(1);
    expect(readTrustProxy('10.0.0.0/8, 127.0.0.1')).toBe('10.0.0.0/8, 127.0.0.1');
  });
});
