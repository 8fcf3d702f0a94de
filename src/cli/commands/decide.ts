import { DomainError, formatPath } from '../../domain/errors.ts';
import type { PolicyLookup } from '../../policies/load-policy-file.ts';
import { decideCase } from '../../services/decide-case.ts';
import { explainDecision } from '../explain-decision.ts';
import { readInput, readJsonRecords } from '../read-input.ts';
import { EXIT_BAD_INPUT, reportError } from '../report-error.ts';

/** Options of `loupe decide`. */
export type DecideOptions = { explain?: boolean; policies: PolicyLookup };

/**
 * Decides each case of the input and writes one decision per line. A case
 * Loupe refuses gets an `{"error": ...}` line in its place (so output lines
 * stay aligned with input), a message on stderr, and the exit status 2.
 */
export function decideCommand(file: string | undefined, options: DecideOptions): number {
  const records = readJsonRecords(readInput(file));
  const { policies } = options;
  let status = 0;
  const out: string[] = [];
  for (const record of records) {
    try {
      if (record.error !== undefined) throw new DomainError('INVALID_INPUT', record.error);
      const decision = decideCase(policies, record.value);
      out.push(options.explain ? explainDecision(decision) : JSON.stringify(decision));
    } catch (err) {
      status = Math.max(status, reportError(err, records.length > 1 ? `case on line ${record.line}` : ''));
      const code = err instanceof DomainError ? err.code : 'INTERNAL';
      const path = err instanceof DomainError && err.issues[0] ? formatPath(err.issues[0].path) : undefined;
      out.push(JSON.stringify({ error: { code, message: (err as Error).message, path } }));
    }
  }
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
  return status === 0 ? 0 : status === EXIT_BAD_INPUT ? EXIT_BAD_INPUT : status;
}
