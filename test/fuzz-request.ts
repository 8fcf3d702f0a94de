import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { arbitraryFromJsonSchema, type JsonSchema, mutated } from './arbitrary-from-json-schema.ts';

// CommonJS under NodeNext: the default import is module.exports, whose `default` is the export.
const ajv = new Ajv2020.default({ strict: false });
addFormatsPlugin.default(ajv);
/** Query values arrive as text: `?limit=5` is the integer 5. */
const coercing = new Ajv2020.default({ strict: false, coerceTypes: true });
addFormatsPlugin.default(coercing);

/** A parameter of an OpenAPI operation. */
export type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema };
/** What the fuzz reads of an OpenAPI operation. */
export type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: Record<string, string[]>[];
};
/** One route and method, as /docs/json has it. */
export type Endpoint = { method: string; path: string; op: Operation };
/** A request to send, and why the API must refuse it (empty: it may be valid). */
export type Fuzzed = { options: InjectOptions; refusedBecause: string[] };
/** A body to send: its text and content type, whether the route documents that type, and why it must be refused. */
type FuzzedBody = { body?: string; type?: string; wrongType?: boolean; refusedBecause: string[] };

/** What the fuzz knows of the server under test, to send requests that get past the first check. */
export type FuzzWorld = {
  /** Real values of path params, by the path segment before them: `cases` for `/cases/{id}`. */
  pools: Record<string, string[]>;
  /** Known-good values of fields and query params by name (an order number, its email). */
  hints: Record<string, fc.Arbitrary<unknown>>;
  /** Good values of headers by name, from the body sent (a fresh Idempotency-Key, a signature). */
  goodHeaders: Record<string, (body: string) => string>;
  /** Headers that carry a signature: any other value than the good one is refused. */
  signatures: string[];
  /** Valid bodies by `METHOD /path`, for a route whose documented schema says little (a Shopify order): broken in places. */
  examples: Record<string, unknown[]>;
  /** Bearer tokens of staff. */
  tokens: { owner: string; agent: string };
};

/** Whether a value is valid by a documented JSON Schema (2020-12, with formats). */
export function isValidBy(schema: JsonSchema | boolean, value: unknown): boolean {
  return ajv.validate(schema, value) as boolean;
}

/** Every operation of an OpenAPI document. */
export function endpointsOf(doc: { paths: Record<string, Record<string, Operation>> }): Endpoint[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

/** Real values of a path param: its enum, or the pool of the segment before it. Throws when there are none. */
function realValuesOf(world: FuzzWorld, path: string, param: Parameter): string[] {
  if (param.schema.enum) return param.schema.enum.map(String);
  const segments = path.split('/');
  const before = segments[segments.indexOf(`{${param.name}}`) - 1];
  const pool = before ? world.pools[before] : undefined;
  if (!pool?.length) throw new Error(`cannot fuzz ${path}: no real values for {${param.name}}; add them to the seed`);
  return pool;
}

/** A value shaped by a schema, its fields by name sometimes the world's known-good values. */
function shaped(world: FuzzWorld, schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.type !== 'object' || !schema.properties) return arbitraryFromJsonSchema(schema);
  const properties = Object.entries(schema.properties).map(([key, s]): [string, fc.Arbitrary<unknown>] => {
    const hint = world.hints[key];
    return [key, hint ? fc.oneof(hint, arbitraryFromJsonSchema(s)) : shaped(world, s)];
  });
  return fc.record(Object.fromEntries(properties), { requiredKeys: schema.required ?? [] });
}

const junkSegment = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.constantFrom(
    '0',
    '-1',
    'null',
    '%',
    '%00',
    '\u0000',
    "' or 1=1 --",
    '00000000-0000-0000-0000-000000000000',
    'x'.repeat(2000),
  ),
);
const junkText = fc.oneof(
  fc.constantFrom('', '-1', '1.5', 'abc', 'true', '\u0000', '%ZZ', 'x'.repeat(5000)),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const MALFORMED_JSON = [
  '',
  '{',
  '{"a":',
  '[1,]',
  "{'a':1}",
  'nul',
  '{"a":1}}',
  '\u0000',
  '{"__proto__":{"x":1}}',
  '1e999999',
];
const WRONG_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
];
/** JSON under a media type with odd parameters: a route may take it or not, but must refuse it when the body is bad. */
const ODD_JSON_TYPES = ['application/json; charset=latin-9', 'application/json; charset=utf-16', 'APPLICATION/JSON'];

/** Every way to fill one path param: a real value, or junk that names nothing. */
function pathArb(world: FuzzWorld, endpoint: Endpoint): fc.Arbitrary<{ url: string; refusedBecause: string[] }> {
  const params = (endpoint.op.parameters ?? []).filter((p) => p.in === 'path');
  const values = params.map((p) =>
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(...realValuesOf(world, endpoint.path, p)).map((v) => ({ v, junk: false })),
      },
      { weight: 1, arbitrary: junkSegment.map((v) => ({ v, junk: true })) },
    ),
  );
  return fc.tuple(...values).map((chosen) => {
    let url = endpoint.path;
    const refusedBecause: string[] = [];
    chosen.forEach(({ v, junk }, i) => {
      const name = (params[i] as Parameter).name;
      url = url.replace(`{${name}}`, encodeURIComponent(v));
      if (junk) refusedBecause.push(`path {${name}} names nothing`);
    });
    return { url, refusedBecause };
  });
}

/** A query string: documented params valid, junk or repeated, extra params, sometimes a raw malformed tail. */
function queryArb(world: FuzzWorld, endpoint: Endpoint): fc.Arbitrary<{ query: string; refusedBecause: string[] }> {
  const params = (endpoint.op.parameters ?? []).filter((p) => p.in === 'query');
  const documented = Object.fromEntries(
    params.map((p) => [
      p.name,
      fc.oneof(
        (world.hints[p.name] ?? arbitraryFromJsonSchema(p.schema)).map(String),
        junkText,
        fc.array(junkText, { minLength: 2, maxLength: 2 }),
      ),
    ]),
  );
  const shape: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
  const validate = coercing.compile(shape);
  return fc
    .record({
      documented: fc.record(documented, { requiredKeys: [] }),
      extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 2 }),
      tail: fc.constantFrom('', '', '&%ZZ=1', '&a[b]=c&&=', '&limit=1&limit=2'),
    })
    .map(({ documented, extra, tail }) => {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...extra, ...documented }))
        for (const one of Array.isArray(v) ? v : [v]) search.append(k, String(one));
      const parsed = structuredClone(documented);
      const valid = validate(parsed);
      return {
        query: `${search.toString()}${tail}`,
        refusedBecause: valid ? [] : [`query ${coercing.errorsText(validate.errors)}`],
      };
    });
}

const isStaffOnly = (op: Operation) => !!op.security?.length && op.security.every((s) => Object.keys(s).length > 0);

/** The body: random JSON, shaped by the schema, broken, malformed, or of a type the route does not take. */
function bodyArb(world: FuzzWorld, endpoint: Endpoint): fc.Arbitrary<FuzzedBody> {
  const content = endpoint.op.requestBody?.content;
  if (!content) return fc.constant({ refusedBecause: [] });
  const json = content['application/json']?.schema;
  const kinds: fc.Arbitrary<FuzzedBody>[] = [
    fc.constantFrom(...WRONG_TYPES.filter((t) => !(t in content))).chain((type) =>
      fc
        .oneof(
          fc.constant(''),
          fc.string({ maxLength: 40 }),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        )
        .map((body) => ({ body, type, wrongType: true, refusedBecause: [`content type ${type} is not taken`] })),
    ),
  ];
  for (const type of Object.keys(content).filter((t) => t !== 'application/json'))
    kinds.push(fc.string({ unit: 'grapheme', maxLength: 200 }).map((body) => ({ body, type, refusedBecause: [] })));
  if (json) {
    const validate = ajv.compile(json);
    const examples = world.examples[`${endpoint.method} ${endpoint.path}`] ?? [];
    const judged = (value: unknown, type = 'application/json') => ({
      body: JSON.stringify(value) ?? 'null',
      type,
      refusedBecause: validate(JSON.parse(JSON.stringify(value) ?? 'null'))
        ? []
        : [`body ${ajv.errorsText(validate.errors)}`],
    });
    kinds.push(
      fc.jsonValue({ maxDepth: 4 }).map((value) => judged(value)),
      shaped(world, json).map((value) => judged(value)),
      mutated(shaped(world, json)).map((value) => judged(value)),
      fc
        .tuple(mutated(shaped(world, json)), fc.constantFrom(...ODD_JSON_TYPES))
        .map(([value, type]) => judged(value, type)),
      ...examples.flatMap((example) => [
        fc.constant(example).map((value) => judged(value)),
        mutated(fc.constant(example)).map((value) => judged(value)),
      ]),
      fc
        .oneof(fc.constantFrom(...MALFORMED_JSON), fc.string({ maxLength: 30 }))
        // An empty text is an empty JSON Lines file, for a route that takes those.
        .filter((text) => !parses(text) && !(text === '' && 'application/x-ndjson' in content))
        .map((body) => ({ body, type: 'application/json', refusedBecause: ['malformed JSON'] })),
    );
  }
  return fc.oneof(...kinds);
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Headers the route documents: a good value (a fresh key, a true signature), junk, or none. */
function headersArb(endpoint: Endpoint) {
  const params = (endpoint.op.parameters ?? []).filter((p) => p.in === 'header');
  return fc.tuple(
    ...params.map((p) => fc.constantFrom('good', 'good', 'junk', 'long', 'none').map((how) => ({ param: p, how }))),
  );
}

/**
 * Requests to one operation, bad in every way the fuzz knows, each with why
 * the API must refuse it: path params real or junk; query params valid, junk,
 * repeated or extra; bodies of random JSON, shaped by the schema, broken in
 * places, malformed, or of another media type; headers good, junk or missing;
 * as the owner, an agent, nobody, or with a token no one has. Whether a body,
 * query or header is bad is the documented schema's to say (Ajv).
 */
export function fuzzedRequest(world: FuzzWorld, endpoint: Endpoint): fc.Arbitrary<Fuzzed> {
  return fc
    .record({
      path: pathArb(world, endpoint),
      query: queryArb(world, endpoint),
      body: bodyArb(world, endpoint),
      headers: headersArb(endpoint),
      as: fc.constantFrom('owner', 'owner', 'agent', 'anonymous', 'anonymous', 'bad token'),
    })
    .map(({ path, query, body, headers: chosen, as }) => {
      const refusedBecause = [...path.refusedBecause, ...query.refusedBecause, ...body.refusedBecause];
      const headers: Record<string, string> = {};
      if (body.type) headers['content-type'] = body.type;
      if (as === 'owner' || as === 'agent') headers.authorization = `Bearer ${world.tokens[as]}`;
      if (as === 'bad token') headers.authorization = 'Bearer not-a-token';
      if (as === 'anonymous' && isStaffOnly(endpoint.op)) refusedBecause.push('anonymous on a staff-only route');
      for (const { param, how } of chosen) {
        // A signature is made only for a body the route documents: one of another type must be refused anyway.
        const effective = body.wrongType && world.signatures.includes(param.name) ? 'junk' : how;
        const value = headerValue(world, param.name, effective, body);
        if (value === undefined) {
          if (param.required) refusedBecause.push(`header ${param.name} is missing`);
          continue;
        }
        headers[param.name] = value;
        const known = param.name in world.goodHeaders;
        if (
          (effective !== 'good' || !known) &&
          (world.signatures.includes(param.name) || !ajv.validate(param.schema, value))
        )
          refusedBecause.push(`header ${param.name} is not good`);
        else if (!known && param.required) refusedBecause.push(`header ${param.name} is not one the fuzz can make`);
      }
      const url = query.query ? `${path.url}?${query.query}` : path.url;
      const options: InjectOptions = { method: endpoint.method as 'GET', url, headers };
      if (body.body !== undefined) options.payload = body.body;
      return { options, refusedBecause };
    });
}

/** A header's value: none, junk, too long, or good (for the headers the fuzz knows how to make). */
function headerValue(world: FuzzWorld, name: string, how: string, body: FuzzedBody): string | undefined {
  if (how === 'none') return undefined;
  if (how === 'long') return 'k'.repeat(300);
  if (how === 'junk') return ' ';
  return world.goodHeaders[name]?.(body.body ?? '') ?? 'junk';
}
