import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN_ERRORS, DomainError, type DomainErrorCode } from '../domain/errors.ts';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../policies/load-policy-file.ts';
import { buildServer } from './build-server.ts';
import { toHttpError } from './http-errors.ts';

// CommonJS under NodeNext: the default import is module.exports, whose `default` is the export.
const Ajv = Ajv2020.default;
const addFormats = addFormatsPlugin.default;

type Operation = {
  tags?: string[];
  description?: string;
  summary?: string;
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
};
type OpenApi = { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> };

const app = buildServer({ policies: new Map([['aulso', loadPolicyFile(`${BUNDLED_POLICIES_DIR}/aulso.yaml`)]]) });
let doc: OpenApi;
beforeAll(async () => {
  const res = await app.inject('/docs/json');
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => app.close());

const operations = () => Object.values(doc.paths).flatMap((methods) => Object.values(methods));

describe('OpenAPI at /docs/json', () => {
  it('is an OpenAPI 3.1 document with every route of the API', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Loupe API');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/actions/{action}',
      '/api/v1/cases/{id}/attachments/{attachmentId}',
      '/api/v1/cases/{id}/charges',
      '/api/v1/cases/{id}/issued-money',
      '/api/v1/cases/{id}/ledger',
      '/api/v1/cases/{id}/messages',
      '/api/v1/cases/{id}/refunds',
      '/api/v1/cases/{id}/return-slip.pdf',
      '/api/v1/cases/{id}/store-credit',
      '/api/v1/decide',
      '/api/v1/gift-cards/{code}',
      '/api/v1/gift-cards/{code}/spend',
      '/api/v1/health',
      '/api/v1/mailbox',
      '/api/v1/sessions/current',
      '/api/v1/sessions/current/orders',
      '/api/v1/sessions/link',
      '/api/v1/sessions/staff',
      '/api/v1/shops',
      '/api/v1/shops/{id}/cases',
      '/api/v1/shops/{id}/help',
      '/api/v1/shops/{id}/imports/shopify',
      '/api/v1/shops/{id}/inbox',
      '/api/v1/shops/{id}/orders',
      '/api/v1/shops/{id}/orders/{number}',
      '/api/v1/shops/{id}/orders/{number}/delivery-estimate',
      '/api/v1/shops/{id}/orders/{number}/options',
      '/api/v1/shops/{id}/orders/{number}/preview',
      '/api/v1/shops/{id}/policy',
      '/api/v1/shops/{id}/policy-versions',
      '/api/v1/shops/{id}/policy-versions/preview',
      '/api/v1/shops/{id}/policy-versions/render',
      '/api/v1/shops/{id}/policy-versions/{version}',
      '/api/v1/shops/{id}/sessions/customer',
      '/api/v1/shops/{id}/sign-in-links',
      '/api/v1/shops/{id}/staff',
      '/api/v1/shops/{id}/stats',
      '/api/v1/webhooks/easypost',
      '/api/v1/webhooks/shopify/orders',
    ]);
  });

  it('keeps the API surface as snapshotted: a route, method or status added or removed shows in review', () => {
    const surface = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) => `${method.toUpperCase()} ${path} -> ${Object.keys(op.responses).join(' ')}`,
      ),
    );
    expect(surface.sort()).toMatchSnapshot();
  });

  it('tags and describes every operation', () => {
    for (const op of operations()) {
      expect(op.tags?.length).toBeGreaterThan(0);
      expect(op.summary).toBeTruthy();
      expect(op.description).toBeTruthy();
    }
  });

  it('documents the decide body as the contract case and the answer as the decision', () => {
    const decide = doc.paths['/api/v1/decide']?.post;
    const body = decide?.requestBody?.content['application/json']?.schema as { required?: string[] };
    expect(body.required).toEqual(['shop', 'now', 'order', 'request']);
    const answer = decide?.responses['200']?.content?.['application/json']?.schema as { required?: string[] };
    expect(answer.required).toContain('reasons');
    expect(Object.keys(decide?.responses ?? {}).sort()).toEqual(['200', '400', '404']);
  });

  it('holds only schemas that compile as JSON Schema 2020-12', { timeout: 60_000 }, () => {
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const schemas = operations().flatMap((op) => [
      ...Object.values(op.requestBody?.content ?? {}),
      ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {})),
    ]);
    expect(schemas.length).toBeGreaterThan(8);
    for (const { schema } of schemas) expect(() => ajv.compile(schema)).not.toThrow();
  });
});

describe('error catalogue', () => {
  const codes = Object.keys(DOMAIN_ERRORS) as DomainErrorCode[];

  it.each(codes)('%s maps to its status and is documented in the error responses', (code) => {
    const { status, body } = toHttpError(new DomainError(code, 'x', [{ code: 'c', path: ['a', 0], message: 'm' }]));
    expect(status).toBe(DOMAIN_ERRORS[code].status);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(body).toEqual({ code, message: 'x', path: 'a[0]' });
    const documented = operations().flatMap((op) =>
      Object.entries(op.responses)
        .filter(([s]) => s === String(status))
        .map(([, r]) => r.description),
    );
    expect(documented.some((d) => d.includes(`\`${code}\``))).toBe(true);
  });

  it('hides the detail of an unexpected failure behind a 500 INTERNAL', () => {
    expect(toHttpError(new Error('secret stack'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'internal error: the request was not processed' },
    });
  });
});
