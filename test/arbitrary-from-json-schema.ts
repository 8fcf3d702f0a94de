import fc from 'fast-check';

/** The part of JSON Schema (2020-12, as zod writes it for the OpenAPI document) the fuzz reads. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  format?: string;
  pattern?: string;
};

const MAX_DEPTH = 6;

const dateTime = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }) },
    { weight: 1, arbitrary: fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }) },
  )
  .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString());
/** Date-times the schema takes that code may not expect: the ends of the calendar, far offsets, a leap day. */
const oddDateTime = fc.constantFrom(
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2026-07-01T00:00:00+23:59',
  '2026-07-01T00:00:00-23:59',
  '2028-02-29T12:00:00.123456789Z',
);

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date-time')
    return fc.oneof({ weight: 5, arbitrary: dateTime }, { weight: 1, arbitrary: oddDateTime });
  if (schema.format === 'date') return dateTime.map((s) => s.slice(0, 10));
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'byte') return fc.uint8Array({ maxLength: 48 }).map((b) => Buffer.from(b).toString('base64'));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, 200));
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.min(schema.maxLength ?? 24, minLength + 24) });
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -1_000);
  const top = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  // The edges the schema allows, and those of the columns behind it (int4, uint32).
  const edges = [min, top, 2 ** 31 - 1, 2 ** 31, 2 ** 32].filter((n) => n >= min && n <= top);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
    { weight: 4, arbitrary: fc.integer({ min, max: Math.max(min, Math.min(top, min + 1_000_000)) }) },
  );
}

/**
 * Values shaped by a JSON Schema: mostly valid by it (required fields, enums,
 * bounds, date-times, patterns), though not always (an email fast-check finds
 * fine may not be one zod takes). Ajv, not this, tells valid from invalid.
 */
export function arbitraryFromJsonSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => arbitraryFromJsonSchema(s, depth + 1)));
  if (Array.isArray(schema.type))
    return fc.oneof(...schema.type.map((type) => arbitraryFromJsonSchema({ ...schema, type }, depth)));
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return integerOf(schema);
    case 'number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFromJsonSchema(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0) return fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }));
      const shapes = Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, arbitraryFromJsonSchema(s, depth + 1)]),
      );
      return fc.record(shapes, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values that break a field: wrong types, huge and odd strings, numbers a column or an integer refuses, deep junk. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1.5,
    -0.000001,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 63),
    1e308,
    '',
    ' ',
    '0',
    'null',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\u202e\u0301🦄💍',
    '2026-02-30T25:61:00Z',
    '0000-01-01T00:00:00Z',
    '275760-09-13T00:00:00.001Z',
    '-1',
    'NaN',
    "'; drop table cases; --",
    '%00%ff',
    '../../etc/passwd',
    [],
    {},
    [[[[[[[[[[[]]]]]]]]]]],
    { $ne: null },
  ),
  fc.constant('x'.repeat(100_001)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

type Node = { parent: Record<string, unknown> | unknown[]; key: string | number };

function nodesOf(value: unknown, found: Node[] = []): Node[] {
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, v] of entries) {
    found.push({ parent: value as Node['parent'], key });
    nodesOf(v, found);
  }
  return found;
}

function objectsOf(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) objectsOf(v, found);
  else if (value && typeof value === 'object') {
    found.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) objectsOf(v, found);
  }
  return found;
}

/**
 * A value broken in one to three places: a field replaced by a bad value, a
 * field dropped, or a field added (`__proto__` among them). Whether the result
 * is still valid is for the schema to say.
 */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const change = fc.record({
    kind: fc.constantFrom('replace', 'drop', 'add'),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'extra'), fc.string({ maxLength: 12 })),
    value: badValue,
  });
  return fc.tuple(base, fc.array(change, { minLength: 1, maxLength: 3 })).map(([value, changes]) => {
    let root = structuredClone(value);
    for (const c of changes) {
      if (c.kind === 'add') {
        const objects = objectsOf(root);
        const target = objects[c.at % Math.max(objects.length, 1)];
        if (target)
          Object.defineProperty(target, c.key, {
            value: c.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else root = c.value;
        continue;
      }
      const nodes = nodesOf(root);
      const node = nodes[c.at % Math.max(nodes.length, 1)];
      if (!node) root = c.value;
      else if (c.kind === 'replace') (node.parent as Record<string | number, unknown>)[node.key] = c.value;
      else if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
      else delete node.parent[node.key as string];
    }
    return root;
  });
}
