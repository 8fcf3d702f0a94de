import { readFileSync } from 'node:fs';
import { DomainError } from '../domain/errors.ts';

/** The text of a file, or of stdin for `-` or none. */
export function readInput(file: string | undefined): string {
  try {
    return readFileSync(file && file !== '-' ? file : 0, 'utf8');
  } catch (err) {
    throw new DomainError('INVALID_INPUT', `cannot read ${file ?? 'stdin'}: ${(err as NodeJS.ErrnoException).code}`);
  }
}

/** A JSON record of the input, or the reason it could not be read, with its line number. */
export type InputRecord = { line: number; value?: unknown; error?: string };

/**
 * One JSON document (an object or an array of them) or JSON Lines, one per
 * non-blank line. A line that is not JSON is reported, the rest still read.
 */
export function readJsonRecords(text: string): InputRecord[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  try {
    const whole = JSON.parse(trimmed);
    return (Array.isArray(whole) ? whole : [whole]).map((value, i) => ({ line: i + 1, value }));
  } catch {
    // Not one document: JSON Lines.
  }
  const records: InputRecord[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      records.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (err) {
      records.push({ line: i + 1, error: `not JSON: ${(err as Error).message}` });
    }
  });
  return records;
}
