import { escapeHtml } from './escape-html.ts';
import { htmlPage } from './html-page.ts';
import type { Policy } from './policy.schema.ts';
import { buildPolicyPage, type PageItem, type PageLine, type PolicyPage } from './policy-page.ts';

/** The formats a policy page is written in. */
export const POLICY_PAGE_FORMATS = ['md', 'html'] as const;
export type PolicyPageFormat = (typeof POLICY_PAGE_FORMATS)[number];

// Markdown passes raw HTML through; a backslash keeps a `<` in the shop's text from becoming a tag.
const md = (text: string) => text.replaceAll('<', '\\<');

function mdLine(line: PageLine): string {
  const text = line.href ? `[${md(line.text)}](<${line.href.replaceAll('>', '%3E')}>)` : md(line.text);
  return line.label ? `**${md(line.label)}:** ${text}` : text;
}

function mdItem(item: PageItem): string[] {
  const quote = item.quotes.flatMap((q, i) => [
    ...(i > 0 ? ['>'] : []),
    ...md(q)
      .split('\n')
      .map((l) => `> ${l}`),
  ]);
  return [...(quote.length ? [quote.join('\n')] : []), ...item.lines.map(mdLine)];
}

function renderMarkdown(page: PolicyPage): string {
  const blocks = [`# ${md(page.title)}`, ...page.intro.map(md)];
  for (const section of page.sections) blocks.push(`## ${md(section.heading)}`, ...section.items.flatMap(mdItem));
  blocks.push('---', md(page.footer));
  return `${blocks.join('\n\n')}\n`;
}

function htmlLine(line: PageLine): string {
  const text = line.href ? `<a href="${escapeHtml(line.href)}">${escapeHtml(line.text)}</a>` : escapeHtml(line.text);
  return `<p>${line.label ? `<strong>${escapeHtml(line.label)}:</strong> ` : ''}${text}</p>`;
}

function htmlItem(item: PageItem): string {
  const quotes = item.quotes.length
    ? `<blockquote>${item.quotes.map((q) => `<p>${escapeHtml(q)}</p>`).join('')}</blockquote>`
    : '';
  return `<div class="item">${quotes}${item.lines.map(htmlLine).join('')}</div>`;
}

function renderHtml(page: PolicyPage): string {
  const toc = page.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join('');
  const body = [
    '<header>',
    `<h1>${escapeHtml(page.title)}</h1>`,
    ...page.intro.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<nav aria-label="Sections"><ul>${toc}</ul></nav>`,
    '</header>',
    '<main id="main">',
    ...page.sections.map(
      (s) =>
        `<section aria-labelledby="${s.id}">\n<h2 id="${s.id}">${escapeHtml(s.heading)}</h2>\n${s.items.map(htmlItem).join('\n')}\n</section>`,
    ),
    '</main>',
    `<footer><p>${escapeHtml(page.footer)}</p></footer>`,
  ].join('\n');
  return htmlPage(page.title, body);
}

/**
 * The customer-facing page of a shop's policy, generated from the policy data
 * so the page and the engine never disagree: the shop's sentences verbatim,
 * a plain-words line per deciding clause, times, shop settings and contact.
 */
export function renderPolicy(policy: Policy, format: PolicyPageFormat): string {
  const page = buildPolicyPage(policy);
  return format === 'html' ? renderHtml(page) : renderMarkdown(page);
}
