// PostgreSQL's COPY text format (the default of `COPY … FROM STDIN`): a row a
// line, fields separated by a tab, `\N` for NULL, and a backslash escaping the
// characters that would otherwise end a field or a row
// (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format").

/** A value of a COPY row: text as it is, numbers and booleans printed, dates as ISO instants, JSON as its text. */
export type CopyCell = string | number | boolean | Date | readonly unknown[] | object | null | undefined;

/** The characters a field cannot hold as they are: the escape itself, the field and row separators. */
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One field of COPY's text format: null and undefined as `\N`, text with its
 * backslashes, tabs and line breaks escaped, so any string (unicode included)
 * reads back as it was. PostgreSQL text cannot hold a NUL character: one is
 * refused here (the import names such a field before it gets this far).
 */
export function copyTextField(value: CopyCell): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  else if (value instanceof Date) return value.toISOString();
  else text = JSON.stringify(value);
  if (text.includes('\u0000')) throw new RangeError('COPY text cannot hold a NUL character');
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : text;
}

/** Rows in COPY's text format, each ended by a line break. */
export function copyTextRows(rows: readonly (readonly CopyCell[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i === 0 ? '' : '\t') + copyTextField(row[i]);
    out += '\n';
  }
  return out;
}
