import { DomainError, type Issue } from '../../domain/errors.ts';

/**
 * One record read from an import file: a value (an order's JSON, or the CSV
 * rows of one order) with the line it starts on and its place among the
 * file's orders (1-based), or the issue that kept a part of the file from
 * being read while the rest still is.
 */
export type SourceRecord<T> = { line: number; index: number; value: T } | { line: number; index: number; issue: Issue };

/** Bytes or text, as a file, a request body or a test hands them over. */
export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** A file that cannot be read on from this line: what was read before it stands. */
export function unreadable(line: number, message: string): DomainError {
  return new DomainError('INVALID_INPUT', `line ${line}: ${message}`, [
    { code: 'unreadable', path: [], message, line, column: 1 },
  ]);
}

/** The text of a byte source, decoded as UTF-8 across chunk boundaries, without a byte-order mark. */
export async function* utf8Chunks(source: ByteSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    // The decoder drops a byte-order mark; text handed over as strings may still start with one.
    if (first && text) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
