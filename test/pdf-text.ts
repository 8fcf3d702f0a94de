import { inflateSync } from 'node:zlib';

const cp1252 = new TextDecoder('windows-1252');

/** A PDF's content streams, inflated where they are Flate-compressed (pdfkit's default). */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const source = pdf.toString('latin1');
  const pattern = /stream\r?\n/g;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    const start = m.index + m[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      out.push(bytes.toString('latin1'));
    }
    pattern.lastIndex = end;
  }
  return out;
}

/**
 * The text a PDF written by pdfkit with its standard fonts draws, one string
 * per text-showing operator (`TJ` / `Tj`), in page order: hex strings decoded
 * as Windows-1252, kerning numbers dropped. Enough to assert what a page says,
 * compressed or not; not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string[] {
  const shown: string[] = [];
  const decodeHex = (hex: string) => cp1252.decode(Buffer.from(hex, 'hex'));
  for (const content of streams(pdf)) {
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const parts =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((p) => p[1] ?? '') : [op[2] ?? ''];
      shown.push(parts.map(decodeHex).join(''));
    }
  }
  return shown;
}
