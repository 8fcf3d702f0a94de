import { formatPath } from '../../domain/errors.ts';
import { runExamples } from '../../domain/policy/run-examples.ts';
import { readValidPolicyFile } from '../read-policy-file.ts';
import { EXIT_BAD_INPUT, reportError } from '../report-error.ts';

/** Exit status when an example's decision differs from what it expects. */
const EXIT_FAILED = 1;

/**
 * `loupe policy test FILE...`: decides each worked example a policy keeps and
 * prints `✓ name` or `✗ name` with what differed. Exit 1 when an example
 * fails; 2 when a policy (or an example in it) is unreadable or invalid.
 */
export function policyTestCommand(files: string[]): number {
  let status = 0;
  const tally = { passed: 0, failed: 0, invalid: 0 };
  for (const file of files) {
    let loaded: ReturnType<typeof readValidPolicyFile>;
    try {
      loaded = readValidPolicyFile(file);
    } catch (err) {
      status = Math.max(status, reportError(err));
      continue;
    }
    const results = runExamples(loaded.policy);
    const out = [`${file}${results.length ? '' : ': no examples'}`];
    for (const r of results) {
      if (r.status === 'pass') {
        tally.passed++;
        out.push(`  ✓ ${r.name}`);
        continue;
      }
      tally[r.status === 'fail' ? 'failed' : 'invalid']++;
      out.push(`  ✗ ${r.name}${r.status === 'invalid' ? ' (the example is invalid)' : ''}`);
      if (r.status === 'fail') out.push(...r.failures.map((f) => `      ${f}`));
      for (const issue of r.issues) {
        const at = loaded.locate(issue.path);
        out.push(`      ${at ? `${file}:${at.line}:${at.column}: ` : ''}${formatPath(issue.path)}: ${issue.message}`);
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  const invalid = tally.invalid ? `, ${tally.invalid} invalid` : '';
  process.stdout.write(`${tally.passed} passed, ${tally.failed} failed${invalid}\n`);
  if (status !== 0 || tally.invalid > 0) return Math.max(status, EXIT_BAD_INPUT);
  return tally.failed > 0 ? EXIT_FAILED : 0;
}
