import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { it } from 'vitest';
import { type Case, type CaseInput, CaseSchema } from '../src/domain/contract/case.schema.ts';
import type { Decision, ReasonCitation } from '../src/domain/contract/decision.schema.ts';
import { decide } from '../src/domain/decide/decide.ts';
import type { Policy } from '../src/domain/policy/policy.schema.ts';
import { loadPolicyFile } from '../src/policies/load-policy-file.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The shared decision contract, beside the project: /work/shared/contract. */
export const CONTRACT_DIR = path.resolve(HERE, '../../shared/contract');
/** The shops' own pages the policies were written from: /work/shared/seeds. */
export const SEEDS_DIR = path.resolve(HERE, '../../shared/seeds');

// ajv and ajv-formats are CommonJS: under NodeNext their default import is the module, the class its `default`.
const Ajv = Ajv2020.default;
const addFormats = addFormatsPlugin.default;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const decisionJsonSchema = JSON.parse(readFileSync(path.join(CONTRACT_DIR, 'decision.schema.json'), 'utf8'));
const validateAgainstContract = ajv.compile(decisionJsonSchema);

/** The contract's complaints about a decision (decision.schema.json), empty when it is valid. */
export function contractErrors(decision: unknown): string[] {
  if (validateAgainstContract(decision)) return [];
  return (validateAgainstContract.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

const policies = new Map<string, Policy>();

/** The bundled policy `policies/<id>.yaml`, read once per test file. */
export function policyFor(policyId: string): Policy {
  let policy = policies.get(policyId);
  if (!policy) {
    policy = loadPolicyFile(path.join(HERE, `${policyId}.yaml`));
    policies.set(policyId, policy);
  }
  return policy;
}

/** A case for one shop, without its `shop` field: the helper fills it in from the policy id. */
export type PartialCase = Omit<CaseInput, 'shop'> & { shop?: string };

/** Parses a case for `policyId` with the contract's CaseSchema (defaults applied); throws naming the field at fault. */
export function caseFor(policyId: string, partial: PartialCase): Case {
  const parsed = CaseSchema.safeParse({ shop: policyId, ...partial });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`the test's case does not match CaseSchema: ${issues}`);
  }
  return parsed.data;
}

/**
 * Decides a case with the bundled policy `policyId` and checks the answer
 * against decision.schema.json; an answer outside the contract throws, so every
 * test that calls this also tests the contract.
 */
export function decisionFor(policyId: string, partial: PartialCase): Decision {
  const decision = decide(policyFor(policyId), caseFor(policyId, partial));
  const errors = contractErrors(decision);
  if (errors.length > 0) throw new Error(`decision violates decision.schema.json: ${errors.join('; ')}`);
  return decision;
}

/** Ids of the clauses a decision cites, in order, without repeats; pass a line id for that line's reasons. */
export function citedClauses(decision: Decision, lineId?: string): string[] {
  return [...new Set(reasonsOf(decision, lineId).map((r) => r.clause))];
}

/** The reasons of a decision, or of one of its lines. */
export function reasonsOf(decision: Decision, lineId?: string): ReasonCitation[] {
  if (lineId === undefined) return decision.reasons;
  const line = decision.lines.find((l) => l.id === lineId);
  if (!line) throw new Error(`the decision has no line "${lineId}"`);
  return line.reasons ?? [];
}

/** All reason details of a decision (and of its lines), joined, for asserting what the engine says was missing. */
export function reasonDetails(decision: Decision): string {
  const all = [...decision.reasons, ...decision.lines.flatMap((l) => l.reasons ?? [])];
  return all.map((r) => r.detail ?? '').join('\n');
}

/** The ids of a policy's clauses that decide an outcome (those with `then.outcome`). */
export function decidingClauseIds(policyId: string): string[] {
  return policyFor(policyId)
    .clauses.filter((c) => c.then?.outcome !== undefined)
    .map((c) => c.id);
}

/** The id of the clause a policy cites when no clause decides. */
export function fallbackClauseId(policyId: string): string {
  return policyFor(policyId).fallback.id;
}

/** Whitespace collapsed, curly quotes made straight, case folded: how a quote is matched against the page. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The shop's own page (the policy's `source.file`), normalised. */
export function seedText(policyId: string): string {
  const file = policyFor(policyId).source?.file;
  if (!file) throw new Error(`policy "${policyId}" names no source file`);
  return normaliseText(readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
}

/** Every quote a decision cites (top level and lines), normalised. */
export function citedQuotes(decision: Decision): string[] {
  return [...decision.reasons, ...decision.lines.flatMap((l) => l.reasons ?? [])].map((r) => normaliseText(r.quote));
}

/** Whether some reason of the decision quotes this phrase of the shop (normalised substring match). */
export function quotes(decision: Decision, phrase: string): boolean {
  const want = normaliseText(phrase);
  return citedQuotes(decision).some((q) => q.includes(want));
}

/** Quotes of a decision that are not, verbatim, in the shop's page. */
export function quotesMissingFromSeed(policyId: string, decision: Decision): string[] {
  const seed = seedText(policyId);
  return citedQuotes(decision).filter((q) => !seed.includes(q));
}

type ResolutionSet = { exactly?: string[]; includes?: string[]; excludes?: string[] };

/** A policy's worked example, as kept under `examples:` in the YAML (the scenarios' `expect` shape). */
export type ExampleExpect = {
  outcome?: string;
  resolutions?: ResolutionSet;
  returnRequired?: boolean;
  returnShippingPaidBy?: 'shop' | 'customer' | null;
  money?: Partial<Record<'itemsRefundable' | 'shippingRefundable' | 'restockingFee' | 'customerCharges', number>>;
  restockingFeePositive?: boolean;
  deadlines?: Partial<Record<'requestBy' | 'returnBy' | 'shopRespondsBy' | 'resolutionBy', string | null>>;
  requirements?: { includes?: string[]; excludes?: string[] };
  quotes?: string[];
  lines?: { id: string; outcome?: string; resolutions?: ResolutionSet; itemsRefundable?: number }[];
};

function resolutionProblems(label: string, want: ResolutionSet, got: string[]): string[] {
  const problems: string[] = [];
  if (want.exactly) {
    const same = want.exactly.length === got.length && want.exactly.every((r) => got.includes(r));
    if (!same) problems.push(`${label}: expected exactly [${want.exactly}], got [${got}]`);
  }
  for (const r of want.includes ?? []) if (!got.includes(r)) problems.push(`${label}: expected ${r} in [${got}]`);
  for (const r of want.excludes ?? []) if (got.includes(r)) problems.push(`${label}: expected no ${r} in [${got}]`);
  return problems;
}

const sameInstant = (a: string | null | undefined, b: string | null) =>
  a === b || (a != null && b != null && Date.parse(a) === Date.parse(b));

/** What of an example's `expect` the decision does not show, one sentence per problem (empty: it holds). */
export function expectProblems(decision: Decision, expect: ExampleExpect): string[] {
  const problems: string[] = [];
  if (expect.outcome !== undefined && decision.outcome !== expect.outcome) {
    problems.push(`outcome: expected ${expect.outcome}, got ${decision.outcome}`);
  }
  if (expect.resolutions) problems.push(...resolutionProblems('resolutions', expect.resolutions, decision.resolutions));
  if (expect.returnRequired !== undefined && decision.returnRequired !== expect.returnRequired) {
    problems.push(`returnRequired: expected ${expect.returnRequired}, got ${decision.returnRequired}`);
  }
  if (expect.returnShippingPaidBy !== undefined && decision.returnShippingPaidBy !== expect.returnShippingPaidBy) {
    problems.push(
      `returnShippingPaidBy: expected ${expect.returnShippingPaidBy}, got ${decision.returnShippingPaidBy}`,
    );
  }
  for (const [key, value] of Object.entries(expect.money ?? {})) {
    const got = decision.money[key as keyof Decision['money']];
    if (got !== value) problems.push(`money.${key}: expected ${value}, got ${got}`);
  }
  if (expect.restockingFeePositive !== undefined && decision.money.restockingFee > 0 !== expect.restockingFeePositive) {
    problems.push(
      `money.restockingFee: expected ${expect.restockingFeePositive ? '> 0' : '0'}, got ${decision.money.restockingFee}`,
    );
  }
  for (const [key, value] of Object.entries(expect.deadlines ?? {})) {
    const got = decision.deadlines[key as keyof Decision['deadlines']];
    if (value !== undefined && !sameInstant(got, value))
      problems.push(`deadlines.${key}: expected ${value}, got ${got}`);
  }
  for (const r of expect.requirements?.includes ?? []) {
    if (!decision.requirements.includes(r as never))
      problems.push(`requirements: expected ${r} in [${decision.requirements}]`);
  }
  for (const r of expect.requirements?.excludes ?? []) {
    if (decision.requirements.includes(r as never)) problems.push(`requirements: expected no ${r}`);
  }
  for (const phrase of expect.quotes ?? []) {
    if (!quotes(decision, phrase)) problems.push(`quotes: no reason quotes "${phrase}"`);
  }
  for (const want of expect.lines ?? []) {
    const line = decision.lines.find((l) => l.id === want.id);
    if (!line) {
      problems.push(`lines[${want.id}]: no such line decision`);
      continue;
    }
    if (want.outcome !== undefined && line.outcome !== want.outcome) {
      problems.push(`lines[${want.id}].outcome: expected ${want.outcome}, got ${line.outcome}`);
    }
    if (want.resolutions)
      problems.push(...resolutionProblems(`lines[${want.id}].resolutions`, want.resolutions, line.resolutions));
    if (want.itemsRefundable !== undefined && line.itemsRefundable !== want.itemsRefundable) {
      problems.push(`lines[${want.id}].itemsRefundable: expected ${want.itemsRefundable}, got ${line.itemsRefundable}`);
    }
  }
  return problems;
}

/** The worked examples kept at the end of a policy file, each as a name, a case and what to expect. */
export function examplesOf(policyId: string): { name: string; case: PartialCase; expect: ExampleExpect }[] {
  return policyFor(policyId).examples.map((e) => ({
    name: e.name,
    case: e.case as unknown as PartialCase,
    expect: e.expect as ExampleExpect,
  }));
}

/** An example's `expect` plus the clause ids the decision's reasons must cite. */
export type Expectation = ExampleExpect & { cites?: string[] };

/**
 * Everything a decision gets wrong against an expectation: the `expect` keys,
 * the clauses it must cite, and any quote that is not the shop's own words.
 * Assert `toEqual([])` to see every problem at once.
 */
export function problemsWith(policyId: string, decision: Decision, expectation: Expectation): string[] {
  const cited = citedClauses(decision);
  const uncited = (expectation.cites ?? []).filter((id) => !cited.includes(id));
  return [
    ...expectProblems(decision, expectation),
    ...uncited.map((id) => `reasons: expected clause "${id}" cited, got [${cited}]`),
    ...quotesMissingFromSeed(policyId, decision).map((q) => `quote not in the shop's page: "${q}"`),
  ];
}

/** One test per row, named by the row's full `name` (vitest's `$name` quotes and cuts long names). */
export function itEach<T extends { name: string }>(rows: readonly T[], test: (row: T) => void): void {
  for (const row of rows) it(row.name, () => test(row));
}
