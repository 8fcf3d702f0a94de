/**
 * Text as the quote checks compare it: whitespace (no-break spaces included)
 * collapsed, curly quotes straightened, case folded. The same reading as the
 * scenario checker's `normalise`, so a quote lint accepts is one it accepts.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
