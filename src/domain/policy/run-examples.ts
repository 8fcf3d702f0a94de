import { parseCase, toIssues } from '../contract/parse-case.ts';
import { decide } from '../decide/decide.ts';
import { DomainError, formatPath, type Issue } from '../errors.ts';
import { checkExpectation } from './check-expectation.ts';
import { ExpectSchema } from './example-expect.schema.ts';
import type { Policy } from './policy.schema.ts';

/**
 * How one of a policy's examples went: `pass`, `fail` (the decision differs
 * from what it expects), or `invalid` (the example itself is wrong: a case or
 * expectation that breaks its schema, or names a line the order lacks).
 */
export type ExampleResult = {
  name: string;
  /** Where the example is in the policy: `['examples', i]`. */
  path: (string | number)[];
  status: 'pass' | 'fail' | 'invalid';
  /** One sentence per difference, or per problem of an invalid example. */
  failures: string[];
  /** For an invalid example, the fields at fault, with paths from the policy's root. */
  issues: Issue[];
};

/** Decides each of the policy's examples and compares the decision with what the example expects. Pure. */
export function runExamples(policy: Policy): ExampleResult[] {
  return policy.examples.map((example, i) => {
    const path = ['examples', i];
    const base = { name: example.name, path };
    const c = parseCase({ shop: policy.id, ...example.case });
    const expect = ExpectSchema.safeParse(example.expect);
    if (!c.ok || !expect.success) {
      return invalid(base, [
        ...(c.ok ? [] : under([...path, 'case'], c.issues)),
        ...(expect.success ? [] : under([...path, 'expect'], toIssues(expect.error))),
      ]);
    }
    try {
      const failures = checkExpectation(expect.data, decide(policy, c.value));
      return { ...base, status: failures.length ? 'fail' : 'pass', failures, issues: [] };
    } catch (err) {
      if (err instanceof DomainError) {
        const found = err.issues.length ? err.issues : [{ code: err.code, path: [], message: err.message }];
        return invalid(base, under([...path, 'case'], found));
      }
      return { ...base, status: 'fail', failures: [`the engine failed: ${(err as Error).message}`], issues: [] };
    }
  });
}

const under = (prefix: (string | number)[], issues: Issue[]): Issue[] =>
  issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

function invalid(base: { name: string; path: (string | number)[] }, issues: Issue[]): ExampleResult {
  return {
    ...base,
    status: 'invalid',
    failures: issues.map((i) => `${formatPath(i.path.slice(base.path.length))}: ${i.message}`),
    issues,
  };
}
