import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../policies/load-policy-file.ts';
import { buildServer } from './build-server.ts';

const aulso = loadPolicyFile(`${BUNDLED_POLICIES_DIR}/aulso.yaml`);
const app = buildServer({ policies: new Map([[aulso.id, aulso]]) });
let base: string;

beforeAll(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app.close());

it('decides a case and lists shops over a real socket', async () => {
  const scenario = JSON.parse(readFileSync(new URL('../../../shared/scenarios/aulso.json', import.meta.url), 'utf8'))
    .scenarios[0];
  const decided = await fetch(`${base}/api/v1/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario.case),
  });
  expect(decided.status).toBe(200);
  expect(await decided.json()).toMatchObject({ shop: 'aulso', outcome: 'approved' });

  const broken = await fetch(`${base}/api/v1/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{',
  });
  expect(broken.status).toBe(400);
  expect(await broken.json()).toMatchObject({ code: 'INVALID_INPUT' });

  const shops = await fetch(`${base}/api/v1/shops`);
  expect(((await shops.json()) as { id: string }[]).map((s) => s.id)).toEqual(['aulso']);
});
