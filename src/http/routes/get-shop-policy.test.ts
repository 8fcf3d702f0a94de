import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { deskApp, SYNCED_AT } from '../../../test/desk-app.ts';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../../policies/load-policy-file.ts';
import { buildServer } from '../build-server.ts';

const desk = await deskApp();
const aulsoYaml = readFileSync(`${BUNDLED_POLICIES_DIR}/aulso.yaml`, 'utf8');
const BUNDLED = '2026-11-01';
const SENTENCE = 'Cash on Delivery (COD) returns are not accepted.';
const CHANGED = 'Cash on Delivery (COD) returns are never accepted, not even by arrangement.';

/** Aulso's bundled file as another version, with the COD sentence changed. */
const changedVersion = (version: string) =>
  aulsoYaml.replace(`version: "${BUNDLED}"`, `version: "${version}"`).replace(SENTENCE, CHANGED);

const publish = async (yaml: string, effectiveFrom?: string) => {
  const res = await desk.staff({
    method: 'POST',
    url: '/api/v1/shops/aulso/policy-versions',
    payload: { yaml, effectiveFrom },
  });
  expect(res.statusCode, res.body).toBe(201);
};
const policyOf = (query = '', headers: Record<string, string> = {}) =>
  desk.app.inject({ url: `/api/v1/shops/aulso/policy${query}`, headers });

describe(`GET /api/v1/shops/:id/policy on ${desk.database.kind}`, () => {
  it('shows the version stored in the database, naming it and when it took effect', async () => {
    expect(changedVersion('x')).toContain(CHANGED);
    const res = await policyOf();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['loupe-policy-version']).toBe(BUNDLED);
    expect(res.headers['loupe-policy-effective-from']).toBe(new Date(SYNCED_AT).toISOString());
    expect(res.json()).toMatchObject({ id: 'aulso', version: BUNDLED });
    expect(res.body).toContain(SENTENCE);
  });

  it('shows a version as soon as it is published, in every format, without a restart', async () => {
    desk.setNow('2026-03-01T00:00:00Z');
    await publish(changedVersion('2026-03-01'));
    const json = await policyOf();
    expect(json.headers['loupe-policy-version']).toBe('2026-03-01');
    expect(json.headers['loupe-policy-effective-from']).toBe('2026-03-01T00:00:00.000Z');
    expect(json.json().version).toBe('2026-03-01');
    expect(json.body).toContain(CHANGED);
    expect(json.body).not.toContain(SENTENCE);
    for (const [query, type] of [
      ['?format=html', 'text/html; charset=utf-8'],
      ['?format=md', 'text/markdown; charset=utf-8'],
    ] as const) {
      const page = await policyOf(query);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe(type);
      expect(page.headers['loupe-policy-version']).toBe('2026-03-01');
      expect(page.body).toContain('Cash on Delivery (COD) returns are never accepted');
      expect(page.body).not.toContain(SENTENCE);
    }
    const byAccept = await policyOf('', { accept: 'text/markdown' });
    expect(byAccept.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(byAccept.body).toContain('never accepted');
  });

  it('shows an older version by its name, and a version not yet in force only when named', async () => {
    await publish(changedVersion('2026-06-01').replace(CHANGED, 'COD returns are refused.'), '2026-06-01T00:00:00Z');
    const now = await policyOf();
    expect(now.headers['loupe-policy-version']).toBe('2026-03-01');
    const older = await policyOf(`?version=${BUNDLED}&format=html`);
    expect(older.statusCode).toBe(200);
    expect(older.headers['loupe-policy-version']).toBe(BUNDLED);
    expect(older.body).toContain(SENTENCE);
    expect(older.body).not.toContain('never accepted');
    const later = await policyOf('?version=2026-06-01');
    expect(later.headers['loupe-policy-effective-from']).toBe('2026-06-01T00:00:00.000Z');
    expect(later.json().version).toBe('2026-06-01');
    expect(later.body).toContain('COD returns are refused.');
  });

  it('answers 404 naming `version` for a version the shop does not have, and `id` for an unknown shop', async () => {
    const unknown = await policyOf('?version=1999-01-01');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND', path: 'version' });
    expect(unknown.json().message).toContain(`known: 2026-06-01, 2026-03-01, ${BUNDLED}`);
    const shop = await desk.app.inject('/api/v1/shops/nope/policy?version=1');
    expect(shop.statusCode).toBe(404);
    expect(shop.json()).toMatchObject({ code: 'UNKNOWN_SHOP', path: 'id' });
    const empty = await policyOf('?version=');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'version' });
  });
});

describe('GET /api/v1/shops/:id/policy without a database', () => {
  const aulso = loadPolicyFile(`${BUNDLED_POLICIES_DIR}/aulso.yaml`);
  const app = buildServer({ policies: new Map([[aulso.id, aulso]]) });
  afterAll(() => app.close());

  it('shows the bundled file, named by its version, and knows no other version', async () => {
    const res = await app.inject('/api/v1/shops/aulso/policy?format=md');
    expect(res.statusCode).toBe(200);
    expect(res.headers['loupe-policy-version']).toBe(aulso.version);
    expect(res.headers['loupe-policy-effective-from']).toBeUndefined();
    expect(res.body).toContain(SENTENCE);
    expect((await app.inject(`/api/v1/shops/aulso/policy?version=${aulso.version}`)).statusCode).toBe(200);
    const other = await app.inject('/api/v1/shops/aulso/policy?version=2026-03-01');
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'NOT_FOUND', path: 'version' });
  });
});
