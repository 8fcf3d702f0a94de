import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp } from '../../../../test/desk-app.ts';
import { BUNDLED_POLICIES_DIR } from '../../../policies/load-policy-file.ts';
import { policyVersions } from '../../../storage/schema/index.ts';

const desk = await deskApp();
const { db } = desk.database;
const aulsoYaml = readFileSync(`${BUNDLED_POLICIES_DIR}/aulso.yaml`, 'utf8');
const asVersion = (version: string) => aulsoYaml.replace('version: "2026-11-01"', `version: "${version}"`);

const publish = (payload: object, key?: string, token?: string) =>
  desk.staff({
    method: 'POST',
    url: '/api/v1/shops/aulso/policy-versions',
    payload,
    token,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });
const storedVersions = async () =>
  (await db.select().from(policyVersions).where(eq(policyVersions.shopId, 'aulso'))).map((v) => v.version).sort();

describe(`POST /api/v1/shops/:id/policy-versions with an Idempotency-Key on ${desk.database.kind}`, () => {
  it('answers a retry with the first answer, byte for byte, where a retry without a key is a 409', async () => {
    desk.setNow('2026-02-01T00:00:00Z');
    const first = await publish({ yaml: asVersion('2026-02-01') }, 'publish-1');
    expect(first.statusCode, first.body).toBe(201);
    const again = await publish({ yaml: asVersion('2026-02-01') }, 'publish-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect(await storedVersions()).toEqual(['2026-02-01', '2026-11-01']);
    const keyless = await publish({ yaml: asVersion('2026-02-01') });
    expect(keyless.statusCode).toBe(409);
    expect(keyless.json()).toMatchObject({ code: 'CONFLICT', path: 'yaml.version' });
  });

  it('refuses the same key with another body with 409 IDEMPOTENCY_MISMATCH, and stores nothing', async () => {
    const other = await publish({ yaml: asVersion('2026-02-02') }, 'publish-1');
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', path: 'Idempotency-Key' });
    expect(await storedVersions()).toEqual(['2026-02-01', '2026-11-01']);
  });

  it('keeps no answer for a refused publish: the key is judged afresh', async () => {
    desk.setNow('2026-02-01T06:00:00Z');
    const broken = asVersion('2026-02-03').replace('reason: [change-of-mind], within', 'reason: [nope], within');
    expect((await publish({ yaml: broken }, 'publish-3')).json().code).toBe('POLICY_LINT_FAILED');
    const fixed = await publish({ yaml: asVersion('2026-02-03') }, 'publish-3');
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('runs the request again under a key used more than 24 hours before', async () => {
    desk.setNow('2026-02-02T00:00:00Z');
    const late = await publish({ yaml: asVersion('2026-02-01') }, 'publish-1');
    // Run again, it meets the version it stored the first time.
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'CONFLICT', path: 'yaml.version' });
  });

  it('replays an answer only to the shop’s owner', async () => {
    desk.setNow('2026-03-01T00:00:00Z');
    expect((await publish({ yaml: asVersion('2026-03-01') }, 'publish-5')).statusCode).toBe(201);
    const agent = await publish({ yaml: asVersion('2026-03-01') }, 'publish-5', AULSO_AGENT_TOKEN);
    expect(agent.statusCode).toBe(403);
    expect(agent.json().code).toBe('FORBIDDEN');
  });
});
