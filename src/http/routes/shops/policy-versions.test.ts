import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp, openScenarioCase } from '../../../../test/desk-app.ts';
import { scenarioCase } from '../../../../test/scenario-case.ts';
import { BUNDLED_POLICIES_DIR } from '../../../policies/load-policy-file.ts';
import { auditLog, cases, policyVersions } from '../../../storage/schema/index.ts';

const desk = await deskApp();
const { db } = desk.database;
const aulsoYaml = readFileSync(`${BUNDLED_POLICIES_DIR}/aulso.yaml`, 'utf8');
const asVersion = (yaml: string, version: string) => yaml.replace('version: "2026-11-01"', `version: "${version}"`);

const publish = (payload: object, token?: string) =>
  desk.staff({ method: 'POST', url: '/api/v1/shops/aulso/policy-versions', payload, token });
const versionsOfAulso = () => db.select().from(policyVersions).where(eq(policyVersions.shopId, 'aulso'));

describe(`policy versions on ${desk.database.kind}`, () => {
  it('lists the bundled version, in force', async () => {
    const res = await desk.staff({ url: '/api/v1/shops/aulso/policy-versions', token: AULSO_AGENT_TOKEN });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject([
      { shop: 'aulso', version: '2026-11-01', effectiveFrom: '2026-01-01T00:00:00.000Z', inForce: true },
    ]);
    expect((await desk.app.inject({ url: '/api/v1/shops/aulso/policy-versions' })).statusCode).toBe(401);
  });

  it('refuses a version with a lint error with 400 listing it, and stores nothing', async () => {
    const broken = asVersion(aulsoYaml, '2026-12-01').replace(
      'reason: [change-of-mind], within',
      'reason: [change-of-heart], within',
    );
    const before = await versionsOfAulso();
    const res = await publish({ yaml: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'POLICY_LINT_FAILED',
      path: expect.stringMatching(/^yaml\.clauses\[\d+\]/),
    });
    expect(res.json().message).toContain('unknown_reason [change-of-mind-72h]');
    expect(res.json().message).toContain('change-of-heart');
    expect(await versionsOfAulso()).toEqual(before);
  });

  it('refuses what is not a new version of this shop’s policy, naming the field', async () => {
    const refusals: [object, number, string, string][] = [
      [{ yaml: 'loupe: 1\nid: [' }, 400, 'INVALID_POLICY', 'yaml'],
      [
        { yaml: asVersion(aulsoYaml, '2026-12-01').replace('name: Aulso', 'name: 7\nbogus: true') },
        400,
        'INVALID_POLICY',
        'yaml',
      ],
      [{ yaml: readFileSync(`${BUNDLED_POLICIES_DIR}/theor.yaml`, 'utf8') }, 400, 'SHOP_MISMATCH', 'yaml.id'],
      [{ yaml: aulsoYaml }, 409, 'CONFLICT', 'yaml.version'],
      [
        { yaml: asVersion(aulsoYaml, '2026-12-01'), effectiveFrom: '2025-01-01T00:00:00Z' },
        400,
        'INVALID_INPUT',
        'effectiveFrom',
      ],
      [{ yaml: asVersion(aulsoYaml, '2026-12-01'), effectiveFrom: 'soon' }, 400, 'INVALID_INPUT', 'effectiveFrom'],
      [{}, 400, 'INVALID_INPUT', 'yaml'],
    ];
    for (const [payload, status, code, path] of refusals) {
      const res = await publish(payload);
      expect(res.statusCode, code).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().path ?? '').toMatch(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}`));
    }
    const agent = await publish({ yaml: asVersion(aulsoYaml, '2026-12-01') }, AULSO_AGENT_TOKEN);
    expect(agent.statusCode).toBe(403);
    expect(agent.json().code).toBe('FORBIDDEN');
    expect(await versionsOfAulso()).toHaveLength(1);
  });

  it('publishes a version from a date on: later orders are decided under it, earlier ones keep theirs', async () => {
    desk.setNow('2026-04-01T00:00:00Z');
    const res = await publish({ yaml: asVersion(aulsoYaml, '2026-05-01'), effectiveFrom: '2026-05-01T00:00:00+08:00' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      version: '2026-05-01',
      inForce: false,
      effectiveFrom: '2026-04-30T16:00:00.000Z',
    });
    expect(Array.isArray(res.json().warnings)).toBe(true);
    const audit = await db.select().from(auditLog).where(eq(auditLog.policyVersionId, res.json().id));
    expect(audit).toMatchObject([{ action: 'publish_policy_version', actor: 'owner:dev', caseId: null }]);

    // Placed 27 April: the first version. The same order placed in May: the new one.
    const april = await openScenarioCase(desk, scenarioCase('aulso', 'change of mind 71h59m'));
    expect(april.policyVersion).toMatchObject({ version: '2026-11-01' });
    const may = scenarioCase('aulso', 'change of mind 71h59m');
    may.order.number = 'AUL-MAY-1';
    may.order.placedAt = '2026-05-02T06:00:00-07:00';
    const opened = await openScenarioCase(desk, may, 'may@example.com');
    expect(opened.policyVersion).toMatchObject({ version: '2026-05-01' });
    expect(opened.decision).toMatchObject({ policyVersion: '2026-05-01' });

    const list = await desk.staff({ url: '/api/v1/shops/aulso/policy-versions' });
    expect(list.json().map((v: { version: string; inForce: boolean }) => [v.version, v.inForce])).toEqual([
      ['2026-05-01', true],
      ['2026-11-01', false],
    ]);
  });

  it('previews how open cases would be decided under a draft, and stores nothing', async () => {
    const draft = asVersion(aulsoYaml, 'draft-24h').replaceAll('hours: 72 }', 'hours: 24 }');
    const casesBefore = await db.select().from(cases).where(eq(cases.shopId, 'aulso'));
    const versionsBefore = await versionsOfAulso();
    const res = await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/aulso/policy-versions/preview',
      payload: { yaml: draft },
      token: AULSO_AGENT_TOKEN,
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.version).toBe('draft-24h');
    expect(preview.cases.length).toBe(casesBefore.length);
    expect(preview.cases.length).toBeGreaterThan(0);
    for (const c of preview.cases) {
      // Change of mind 71 h 59 min after delivery: inside 72 hours, outside 24.
      expect(c).toMatchObject({
        changed: true,
        current: { outcome: 'approved', refundableCents: 5900 },
        draft: { outcome: 'denied', refundableCents: 0, policyVersion: 'draft-24h' },
      });
    }
    expect(await db.select().from(cases).where(eq(cases.shopId, 'aulso'))).toEqual(casesBefore);
    expect(await versionsOfAulso()).toEqual(versionsBefore);

    const same = await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/aulso/policy-versions/preview',
      payload: { yaml: asVersion(aulsoYaml, 'draft-same') },
    });
    expect(same.json().cases.every((c: { changed: boolean }) => !c.changed)).toBe(true);
    const customer = await desk.app.inject({
      method: 'POST',
      url: '/api/v1/shops/aulso/policy-versions/preview',
      payload: { yaml: draft },
    });
    expect(customer.statusCode).toBe(401);
  });
});
