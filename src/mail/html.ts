import { escapeHtml } from '../domain/policy/escape-html.ts';

/** HTML that is already safe: made by the `html` tag, never from a string a person wrote. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function piece(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * A tagged template for HTML: every interpolated value is escaped (text and
 * double-quoted attributes) unless it is `SafeHtml` from another `html`
 * literal; arrays are joined, `null`, `undefined` and `false` leave nothing.
 * The escaping is the one the rendered policy pages use (escape-html.ts).
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += piece(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}
