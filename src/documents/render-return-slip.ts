import { toBuffer } from 'bwip-js';
import PDFDocument from 'pdfkit';
import type { ReturnSlip } from '../services/get-return-slip.ts';

/** How to render: pdfkit compresses page streams unless told not to (tests read the text). */
export type RenderOptions = { compress?: boolean };

// PDF's standard fonts (no font file to ship) write Windows-1252; its letters beyond Latin-1 are these.
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can draw: other characters (a Chinese address line) become "?" rather than wrong glyphs. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    const drawable =
      ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(ch);
    out += drawable ? ch : '?';
  }
  return out;
}

/**
 * A one-page return slip as PDF: the shop, order and case, the authorization
 * number in words and as a Code 128 barcode (bwip-js draws it as PNG), the
 * address to send to, the ship-by date on the shop's clock, and how to pack
 * the parcel. Letter paper for shops in the US and Canada, A4 elsewhere.
 */
export async function renderReturnSlip(slip: ReturnSlip, options: RenderOptions = {}): Promise<Buffer> {
  const barcode = await toBuffer({
    bcid: 'code128',
    text: slip.authorizationNumber,
    scale: 3,
    height: 14,
    includetext: true,
    textxalign: 'center',
  });
  const doc = new PDFDocument({
    size: slip.shopCountry === 'US' || slip.shopCountry === 'CA' ? 'LETTER' : 'A4',
    margin: 56,
    compress: options.compress ?? true,
    info: { Title: `Return slip ${slip.caseReference}`, Author: toWinAnsi(slip.shopName), Creator: 'Loupe' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const text = (s: string) => toWinAnsi(s);
  doc.font('Helvetica-Bold').fontSize(22).text(text(slip.shopName));
  doc.font('Helvetica').fontSize(14).text('Return slip').moveDown(1);

  const field = (label: string, value: string) => {
    doc.font('Helvetica').fontSize(11).fillColor('#555555').text(label);
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(text(value)).moveDown(0.4);
  };
  if (slip.orderNumber) field('Order number', slip.orderNumber);
  field('Case', slip.caseReference);
  field('Return authorization number', slip.authorizationNumber);
  field('Ship by', `${slip.shipBy.local} (${slip.shipBy.timeZone})`);

  doc
    .moveDown(0.5)
    .image(barcode, { fit: [300, 90] })
    .moveDown(1);

  doc.font('Helvetica').fontSize(11).fillColor('#555555').text('Send the parcel to');
  doc.font('Helvetica-Bold').fontSize(14).fillColor('#000000').text(text(slip.returnAddress)).moveDown(1);

  doc.font('Helvetica-Bold').fontSize(12).text('Before you send it');
  doc.font('Helvetica').fontSize(11);
  const steps = [
    'Put this slip inside the parcel.',
    `Write ${slip.authorizationNumber} on the outside of the parcel.`,
    ...slip.instructions,
  ];
  for (const step of steps) doc.text(`•  ${text(step)}`, { indent: 0 });

  doc.end();
  return done;
}
