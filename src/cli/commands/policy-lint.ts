import path from 'node:path';
import { styleText } from 'node:util';
import { DomainError, formatPath } from '../../domain/errors.ts';
import { type LintFinding, lintPolicy } from '../../domain/policy/lint-policy.ts';
import { DEFAULT_SOURCE_DIR, readPolicySource } from '../../policies/read-policy-source.ts';
import { readPolicyFile } from '../read-policy-file.ts';
import { EXIT_BAD_INPUT } from '../report-error.ts';

/** Options of `loupe policy lint`. */
export type PolicyLintOptions = { sourceDir?: string; color?: boolean };

/** A finding placed in its file; codes beyond the linter's: schema issues, `unreadable`, `source_not_found`. */
type Placed = Omit<LintFinding, 'code' | 'path'> & { code: string; line: number; column: number };

/**
 * `loupe policy lint FILE...`: one line per finding, `file:line:col level code
 * [clause] message`, then a count. Exit 2 when any file has an error (a schema
 * error included), 0 when there are only warnings or nothing.
 */
export function policyLintCommand(files: string[], options: PolicyLintOptions = {}): number {
  const color = options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text) : text);
  const sourceDir = options.sourceDir ? path.resolve(options.sourceDir) : DEFAULT_SOURCE_DIR;
  let errors = 0;
  let warnings = 0;
  const out: string[] = [];
  for (const file of files) {
    const placed = lintFile(file, sourceDir).sort((a, b) => a.line - b.line || a.column - b.column);
    for (const f of placed) {
      if (f.level === 'error') errors++;
      else warnings++;
      const level = paint(f.level === 'error' ? 'red' : 'yellow', f.level);
      const clause = f.clause ? ` [${f.clause}]` : '';
      out.push(`${paint('dim', `${file}:${f.line}:${f.column}`)} ${level} ${f.code}${clause} ${f.message}`);
    }
  }
  out.push(`${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(files.length, 'file')}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return errors > 0 ? EXIT_BAD_INPUT : 0;
}

function lintFile(file: string, sourceDir: string): Placed[] {
  let located: ReturnType<typeof readPolicyFile>;
  try {
    located = readPolicyFile(file);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return [{ level: 'error', code: 'unreadable', line: 1, column: 1, message: err.message }];
  }
  const { result, locate } = located;
  if (!result.ok) {
    return result.issues.map((i) => ({
      level: 'error',
      code: i.code,
      line: i.line ?? 1,
      column: i.column ?? 1,
      message: i.path.length ? `${formatPath(i.path)}: ${i.message}` : i.message,
    }));
  }
  const policy = result.value;
  const source = readPolicySource(policy, file, sourceDir);
  const findings: (Omit<LintFinding, 'code'> & { code: string })[] = [];
  if (source?.found === false) {
    findings.push({
      level: 'warning',
      code: 'source_not_found',
      path: ['source', 'file'],
      message: `${policy.source?.file} is not in ${source.tried.map((t) => path.dirname(t)).join(' or ')} (--source-dir); quotes not checked`,
    });
  }
  findings.push(...lintPolicy(policy, { sourceText: source?.found ? source.text : undefined }));
  return findings.map(({ path: at, ...f }) => ({ ...f, ...(locate(at) ?? { line: 1, column: 1 }) }));
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
