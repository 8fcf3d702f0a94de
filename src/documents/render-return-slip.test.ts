import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.ts';
import type { ReturnSlip } from '../services/get-return-slip.ts';
import { renderReturnSlip, toWinAnsi } from './render-return-slip.ts';

/** Aulso's slip for a US customer sending back two rings sent in the wrong size. */
const slip: ReturnSlip = {
  shopName: 'Aulso',
  shopCountry: 'HK',
  caseReference: 'AULSO-C1042',
  orderNumber: 'AUL-88912',
  authorizationNumber: 'RA-7K3M-Q9TZ-20HX',
  returnAddress: 'Rmo3,24/F,Ho King Comm Ctr,2-16 Fayuen St, Mong Kok,Hong Kong',
  shipBy: { at: '2026-10-20T15:59:59.000Z', local: 'Tuesday 20 October 2026, 23:59', timeZone: 'Asia/Hong_Kong' },
  instructions: ['We pay the return shipping.', 'Send it with tracking and give us the tracking number.'],
};

describe('renderReturnSlip', () => {
  it('prints the shop, order, case, authorization, address, ship-by date and instructions', async () => {
    const pdf = await renderReturnSlip(slip, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).join('\n');
    for (const expected of [
      'Aulso',
      'AUL-88912',
      'AULSO-C1042',
      'RA-7K3M-Q9TZ-20HX',
      'Mong Kok,Hong Kong',
      'Tuesday 20 October 2026, 23:59 (Asia/Hong_Kong)',
      'We pay the return shipping.',
      'Write RA-7K3M-Q9TZ-20HX on the outside of the parcel.',
    ]) {
      expect(text).toContain(expected);
    }
    // One page, with the barcode as an image on it.
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('reads the same once pdfkit compresses the page (as the API serves it)', async () => {
    const compressed = await renderReturnSlip(slip);
    expect(compressed.toString('latin1')).toContain('/FlateDecode');
    expect(pdfText(compressed)).toEqual(pdfText(await renderReturnSlip(slip, { compress: false })));
  });

  it('keeps a long address and many instructions on one page', async () => {
    const pdf = await renderReturnSlip({
      ...slip,
      returnAddress: `${slip.returnAddress}, attention of the returns desk, second door on the left past the lifts`,
      instructions: Array.from({ length: 8 }, (_, i) => `Instruction ${i + 1}: ${'pack it with care, '.repeat(8)}`),
    });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('uses Letter paper for a shop in the US and A4 elsewhere', async () => {
    const mediaBox = async (country: string) =>
      /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/
        .exec((await renderReturnSlip({ ...slip, shopCountry: country })).toString('latin1'))
        ?.slice(1);
    expect(await mediaBox('US')).toEqual(['612', '792']);
    expect(await mediaBox('HK')).toEqual(['595.28', '841.89']);
  });

  it('draws what the standard fonts cannot as "?" rather than as wrong letters', () => {
    expect(toWinAnsi('Amijosé – “Return” 香港')).toBe('Amijosé – “Return” ??');
  });
});
