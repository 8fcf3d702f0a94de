import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { BUNDLED_POLICIES_DIR } from '../policies/load-policy-file.ts';
import { listPolicyVersions, policyVersionInForce } from '../storage/repositories/policy-versions.ts';
import { listShops } from '../storage/repositories/shops.ts';
import type { ServiceContext } from './service-context.ts';
import { syncBundledPolicies } from './sync-bundled-policies.ts';

const { db, kind } = await testDatabase();
let now = new Date('2026-01-01T00:00:00Z');
const ctx: ServiceContext = { db, now: () => now, newId: () => randomUUID() };

describe(`syncing the bundled policies on ${kind}`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'loupe-policies-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const shop of ['aulso', 'theor']) copyFileSync(`${BUNDLED_POLICIES_DIR}/${shop}.yaml`, `${dir}/${shop}.yaml`);

  it('adds each shop and its file’s version once, however often it runs', async () => {
    expect(await syncBundledPolicies(ctx, dir)).toEqual([
      { shop: 'aulso', version: '2026-11-01', shopAdded: true, versionAdded: true },
      { shop: 'theor', version: expect.any(String), shopAdded: true, versionAdded: true },
    ]);
    now = new Date('2026-02-01T00:00:00Z');
    const again = await syncBundledPolicies(ctx, dir);
    expect(again.every((s) => !s.shopAdded && !s.versionAdded)).toBe(true);
    expect((await listShops(db)).map((s) => [s.id, s.name])).toEqual([
      ['aulso', 'Aulso'],
      ['theor', 'The Or'],
    ]);
    expect(await listPolicyVersions(db, 'aulso')).toHaveLength(1);
  });

  it('stores a file’s new version in force from now, and finds the version in force at any moment', async () => {
    now = new Date('2026-03-01T00:00:00Z');
    const text = readFileSync(`${dir}/aulso.yaml`, 'utf8').replace('version: "2026-11-01"', 'version: "2026-12-01"');
    writeFileSync(`${dir}/aulso.yaml`, text);
    const synced = await syncBundledPolicies(ctx, dir);
    expect(synced.find((s) => s.shop === 'aulso')).toMatchObject({ version: '2026-12-01', versionAdded: true });
    const versions = await listPolicyVersions(db, 'aulso');
    expect(versions.map((v) => [v.version, v.effectiveFrom.toISOString()])).toEqual([
      ['2026-12-01', '2026-03-01T00:00:00.000Z'],
      ['2026-11-01', '2026-01-01T00:00:00.000Z'],
    ]);
    const at = async (iso: string) => (await policyVersionInForce(db, 'aulso', new Date(iso)))?.version;
    // Before the first version: the earliest; then the latest to have taken effect.
    expect(await at('2025-06-01T00:00:00Z')).toBe('2026-11-01');
    expect(await at('2026-02-28T23:59:59Z')).toBe('2026-11-01');
    expect(await at('2026-03-01T00:00:00Z')).toBe('2026-12-01');
    const stored = await policyVersionInForce(db, 'aulso', new Date('2026-04-01T00:00:00Z'));
    expect(stored?.sourceYaml).toBe(text);
    expect(stored?.policy.version).toBe('2026-12-01');
    expect(await policyVersionInForce(db, 'nope', new Date())).toBeUndefined();
  });

  it('refuses a file that is not a policy, storing nothing', async () => {
    writeFileSync(`${dir}/broken.yaml`, 'loupe: 1\nid: broken\n');
    await expect(syncBundledPolicies(ctx, dir)).rejects.toMatchObject({ code: 'INVALID_POLICY' });
    expect((await listShops(db)).map((s) => s.id)).toEqual(['aulso', 'theor']);
  });
});
