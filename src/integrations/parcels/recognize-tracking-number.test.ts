import { describe, expect, it } from 'vitest';
import { type CarrierId, recognizeTrackingNumber } from './recognize-tracking-number.ts';
import { parseS10, s10CheckDigit } from './upu-s10.ts';

describe('UPU S10 check digit', () => {
  it.each([
    // The UPU's own example: 8·1 + 6·2 + 4·3 + 2·4 + 3·5 + 5·6 + 9·7 + 7·8 = 204; 204 mod 11 = 6; 11 − 6 = 5.
    ['12345678', 5],
    ['47291038', 1],
    ['31807742', 8],
    // Weighted sum ≡ 1 (mod 11): 11 − 1 = 10 is written 0.
    ['60218834', 0],
    // Weighted sum ≡ 0 (mod 11): 11 − 0 = 11 is written 5.
    ['00000000', 5],
  ])('gives serial %s the check digit %i', (serial, digit) => {
    expect(s10CheckDigit(serial)).toBe(digit);
  });

  it('reads an identifier into its parts and refuses one whose digit does not match', () => {
    expect(parseS10('RR123456785GB')).toEqual({ service: 'RR', serial: '12345678', checkDigit: 5, country: 'GB' });
    expect(parseS10('RR123456784GB')).toBeUndefined();
    expect(parseS10('RR12345678GB')).toBeUndefined();
  });
});

type Row = [string, string, CarrierId, string | null];

describe('recognizeTrackingNumber', () => {
  // biome-ignore format: one number per line reads as the table it is
  const known: Row[] = [
    // Aoures: "Estimated delivery times will be provided via USPS or FEDEX."
    ['9400111202555842332669',  'a USPS IMpb label (Aoures, The Or)',   'usps',  'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111202555842332669'],
    ['0307 1790 0005 2348 3741', 'a USPS 20-digit number, spaced',      'usps',  'https://tools.usps.com/go/TrackConfirmAction?tLabels=03071790000523483741'],
    ['986578788855',            'a FedEx Express 12-digit number',      'fedex', 'https://www.fedex.com/apps/fedextrack/?tracknumbers=986578788855'],
    ['1Z5R89390357567127',      'a UPS 1Z number',                      'ups',   'https://wwwapps.ups.com/WebTracking/track?track=yes&trackNums=1Z5R89390357567127'],
    ['3318810025',              'a DHL Express waybill',                'dhl',   'https://www.dhl.com/en/express/tracking.html?brand=DHL&AWB=3318810025'],
    // An American customer returning to Aulso in Hong Kong by First-Class Package International.
    ['LZ472910381US',           'a USPS international (S10) number',    'usps',  'https://tools.usps.com/go/TrackConfirmAction?tLabels=LZ472910381US'],
    // Amijose: "Take it to your local post office."
    ['RR123456785GB',           'a Royal Mail tracked number',          'royal-mail', 'https://www.royalmail.com/track-your-item#/tracking-results/RR123456785GB'],
    ['rr 123 456 785 gb',       'the same, typed in lower case',        'royal-mail', 'https://www.royalmail.com/track-your-item#/tracking-results/RR123456785GB'],
    ['RR318077428HK',           'a Hongkong Post registered item (Aulso)', 'hongkong-post', 'https://www.hongkongpost.hk/en/mail_tracking/index.html?trackcode=RR318077428HK'],
    ['EE904561270CN',           'a China Post EMS item (Atelier)',      'china-post', 'https://www.ems.com.cn/queryList?mailNoList=EE904561270CN'],
    ['CP602188340AU',           'an Australia Post parcel (Aulso’s customer in AU)', 'australia-post', 'https://auspost.com.au/mypost/track/details/CP602188340AU'],
    ['CX550123902CA',           'a Canada Post parcel (Aoures’ customer in CA)',    'canada-post', 'https://www.canadapost-postescanada.ca/track-reperage/en#/details/CX550123902CA'],
    // Another post's S10 number: the post is named, but Loupe has no page for it.
    ['RB123456785FR',           'a La Poste registered letter',         'post',  null],
  ];

  it.each(known)('names the carrier of %s (%s) and links to its page', (raw, _what, carrier, url) => {
    const found = recognizeTrackingNumber(raw);
    expect(found).toMatchObject({ known: true, carrier, trackingUrl: url });
  });

  it('names the post of another country by the S10 data, without a link', () => {
    expect(recognizeTrackingNumber('RB123456785FR')).toMatchObject({ carrierName: 'La Poste', format: 'UPU S10' });
  });

  // biome-ignore format: one number per line reads as the table it is
  const unknown: [string, string][] = [
    ['RR123456784GB',          'a Royal Mail number with a wrong check digit'],
    ['LZ472910385US',          'a USPS international number with a wrong check digit'],
    ['RR318077420HK',          'a Hongkong Post number with a wrong check digit'],
    ['CP602188341AU',          'an Australia Post number with a wrong check digit'],
    ['CX550123903CA',          'a Canada Post number with a wrong check digit'],
    ['EE904561271CN',          'a China Post number with a wrong check digit'],
    ['RB123456785ZZ',          'an S10 number from no country'],
    ['996578788855',           'a FedEx 12-digit number with a wrong check digit'],
    ['1Z5R89390357567128',     'a UPS number with a wrong check digit'],
    ['0307 1790 0005 2348 3742', 'a USPS 20-digit number with a wrong check digit'],
    ['YT2607050001',           'a consolidator’s number no format knows'],
    ['12345',                  'too short to be a number'],
    ['',                       'nothing'],
    ['see you soon!',          'words'],
  ];

  it.each(unknown)('answers "unknown carrier" without a link for %j (%s)', (raw) => {
    expect(recognizeTrackingNumber(raw)).toEqual({
      known: false,
      carrierName: 'unknown carrier',
      trackingNumber: raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
      trackingUrl: null,
    });
  });

  it('never throws, whatever it is given', () => {
    for (const raw of ['\u0000', '%s%s%s', 'x'.repeat(10_000), '1Z'.repeat(30), undefined as unknown as string]) {
      expect(() => recognizeTrackingNumber(raw)).not.toThrow();
      expect(recognizeTrackingNumber(raw).known).toBe(false);
    }
  });
});
