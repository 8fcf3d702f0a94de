import { html, type SafeHtml } from './html.ts';

/** A mail ready to send: what every template renders. */
export type RenderedMail = { subject: string; text: string; html: string };

/** What every mail about a case shows: the shop (its name, clock and locale), the case, where replies go, whom it greets. */
export type MailFrame = {
  shop: { name: string; timeZone: string; locale: string };
  reference: string;
  replyTo: string;
  customerName: string | null;
};

/**
 * One part of a mail's body, rendered the same way in text and HTML:
 * a paragraph, the shop's own sentence quoted (with how it applied), facts
 * as label and value, a list, text kept as a person wrote it, or a code to
 * copy (a gift card).
 */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string; note?: string | undefined }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'verbatim'; text: string }
  | { kind: 'code'; label: string; code: string };

const FONT = 'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;line-height:1.5';

/** A subject on one line, whatever the text it was made from. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A mail from its subject and body: greeting, the blocks, and a footer saying
 * a reply reaches the care team and lands on the case (or `footer`, for a
 * mail about no case); the same words in the
 * text and the HTML part, every value escaped in the HTML.
 */
export function renderMail(
  frame: MailFrame,
  mail: { subject: string; blocks: MailBlock[]; footer?: string },
): RenderedMail {
  const greeting = frame.customerName ? `Hello ${frame.customerName},` : 'Hello,';
  const footer =
    mail.footer ??
    `Reply to this email to write to the ${frame.shop.name} care team; your reply goes straight onto your request ${frame.reference}.`;
  const text = [greeting, ...mail.blocks.map(blockText), `${frame.shop.name}\n${footer}`].join('\n\n');
  const body = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${oneLine(mail.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f8fa">
<div style="max-width:560px;margin:0 auto;background:#fff;padding:24px;border-radius:8px;${FONT}">
<p style="font-size:18px;font-weight:600;margin:0 0 16px">${frame.shop.name}</p>
<p>${greeting}</p>
${mail.blocks.map(blockHtml)}
<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0 12px">
<p style="font-size:13px;color:#57606a">${footer} <a href="mailto:${frame.replyTo}">${frame.replyTo}</a></p>
</div>
</body></html>
`;
  return { subject: oneLine(mail.subject), text: `${text}\n`, html: body.value };
}

function blockText(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'quote':
      return [`  “${block.text}”`, ...(block.note ? [`  (${block.note})`] : [])].join('\n');
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'verbatim':
      return block.text;
    case 'code':
      return `${block.label}: ${block.code}`;
  }
}

function blockHtml(block: MailBlock): SafeHtml {
  switch (block.kind) {
    case 'paragraph':
      return html`<p>${block.text}</p>\n`;
    case 'quote':
      return html`<blockquote style="margin:12px 0;padding:4px 12px;border-left:3px solid #d0d7de;color:#424a53">
<p style="margin:4px 0">“${block.text}”</p>${block.note ? html`<p style="margin:4px 0;font-size:13px;color:#57606a">${block.note}</p>` : ''}
</blockquote>\n`;
    case 'facts':
      return html`<table style="border-collapse:collapse;margin:12px 0">${block.rows.map(
        ([label, value]) =>
          html`<tr><th style="text-align:left;padding:4px 16px 4px 0;vertical-align:top;font-weight:600">${label}</th><td style="padding:4px 0">${value}</td></tr>`,
      )}</table>\n`;
    case 'list':
      return html`<ul>${block.items.map((item) => html`<li>${item}</li>`)}</ul>\n`;
    case 'verbatim':
      return html`<div style="white-space:pre-wrap;margin:12px 0">${block.text}</div>\n`;
    case 'code':
      return html`<p>${block.label}:</p>
<p style="font-family:ui-monospace,Menlo,Consolas,monospace;font-size:20px;letter-spacing:2px;padding:12px;background:#f6f8fa;border-radius:6px;text-align:center">${block.code}</p>\n`;
  }
}
