import { escapeHtml } from './escape-html.ts';

// Inline and self-contained: the page works offline, behind a strict CSP and on a 360px screen.
const STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #555; --rule: #d0d0d5; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --fg: #ececf0; --bg: #16161a; --muted: #b4b4bc; --rule: #3a3a42; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); overflow-wrap: anywhere; }
.wrap { max-width: 44rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0 .5rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 .75rem; padding-top: .75rem; border-top: 1px solid var(--rule); }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; }
.item { margin: 0 0 1.25rem; }
blockquote { margin: 0 0 .5rem; padding: .25rem 0 .25rem 1rem; border-left: 4px solid var(--rule); }
blockquote p { margin: .25rem 0; }
.item > p { margin: .25rem 0; }
.muted, footer { color: var(--muted); font-size: .925rem; }
nav ul, ul.links { padding-left: 1.25rem; }
`;

/** A complete, standalone HTML document around an already-escaped body. */
export function htmlPage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to content</a>',
    '<div class="wrap">',
    body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
