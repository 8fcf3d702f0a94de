import { allCouriers, getTracking, s10, type TrackingCourier } from 'ts-tracking-number';
import { parseS10 } from './upu-s10.ts';

/**
 * A carrier Loupe can name: the couriers ts-tracking-number knows, the posts
 * of the seed shops' countries and of where their customers send returns from,
 * and any other post issuing UPU S10 numbers (`post`).
 */
export type CarrierId =
  | 'usps'
  | 'ups'
  | 'fedex'
  | 'dhl'
  | 'ontrac'
  | 'amazon'
  | 'royal-mail'
  | 'china-post'
  | 'hongkong-post'
  | 'australia-post'
  | 'canada-post'
  | 'post';

/** What a tracking number says of its parcel: the carrier and a link to follow it, or that no carrier is known. */
export type TrackingNumberRecognition =
  | {
      known: true;
      carrier: CarrierId;
      carrierName: string;
      /** The number as carriers print it: upper case, no spaces or dashes. */
      trackingNumber: string;
      /** The carrier's tracking page for this number; null when Loupe knows none. */
      trackingUrl: string | null;
      /** Which numbering the number follows, e.g. `USPS 91`, `UPU S10`. */
      format: string;
    }
  | { known: false; carrierName: 'unknown carrier'; trackingNumber: string; trackingUrl: null };

type Post = { carrier: CarrierId; name: string; url: string };

/**
 * National posts by the country an S10 number ends with. The shops are in the
 * US (Aoures, The Or), GB (Amijose), CN (Atelier) and HK (Aulso); their
 * customers also return from AU and CA. Aoures names USPS and FedEx ("Estimated
 * delivery times will be provided via USPS or FEDEX"); Amijose sends customers
 * to "your local post office". China Post's and Hongkong Post's pages may ask
 * for the number again: they take no stable link.
 */
const POSTS: Record<string, Post> = {
  US: { carrier: 'usps', name: 'USPS', url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=%s' },
  GB: {
    carrier: 'royal-mail',
    name: 'Royal Mail',
    url: 'https://www.royalmail.com/track-your-item#/tracking-results/%s',
  },
  CN: { carrier: 'china-post', name: 'China Post', url: 'https://www.ems.com.cn/queryList?mailNoList=%s' },
  HK: {
    carrier: 'hongkong-post',
    name: 'Hongkong Post',
    url: 'https://www.hongkongpost.hk/en/mail_tracking/index.html?trackcode=%s',
  },
  AU: { carrier: 'australia-post', name: 'Australia Post', url: 'https://auspost.com.au/mypost/track/details/%s' },
  CA: {
    carrier: 'canada-post',
    name: 'Canada Post',
    url: 'https://www.canadapost-postescanada.ca/track-reperage/en#/details/%s',
  },
};

const COURIERS: Record<string, { carrier: CarrierId; name: string }> = {
  usps: { carrier: 'usps', name: 'USPS' },
  ups: { carrier: 'ups', name: 'UPS' },
  fedex: { carrier: 'fedex', name: 'FedEx' },
  dhl: { carrier: 'dhl', name: 'DHL' },
  ontrac: { carrier: 'ontrac', name: 'OnTrac' },
  amazon: { carrier: 'amazon', name: 'Amazon Logistics' },
};

/** The posts the library's S10 data names by country (it gives no tracking pages: its links are postcode finders). */
const S10_POST_NAMES: ReadonlyMap<string, string> = new Map(
  (s10 as TrackingCourier).tracking_numbers
    .flatMap((t) => t.additional ?? [])
    .filter((a) => a.regex_group_name === 'CountryCode')
    .flatMap((a) => a.lookup)
    .flatMap((l) => ('country' in l && 'courier' in l ? [[l.matches, l.courier] as const] : [])),
);

// S10 is ours (with the posts' pages); the library's answer for it names no post.
const LIBRARY_COURIERS = allCouriers.filter((c) => c.courier_code !== 's10');

/** The number as carriers print it: upper case, without spaces, dashes or dots. */
export const normaliseTrackingNumber = (raw: string): string => raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();

const link = (template: string, code: string) =>
  template.replace('%s', encodeURIComponent(code)).replace(/^http:\/\//, 'https://');

/**
 * Names the carrier of a tracking number and links to its tracking page.
 * UPU S10 numbers (`RR123456785GB`) are checked by their check digit and
 * named by the issuing post's country; others go to ts-tracking-number
 * (UPS, FedEx, USPS, DHL, OnTrac, Amazon), which checks their own check
 * digits. A number no format accepts, a wrong check digit included, is an
 * "unknown carrier" with no link. Never throws.
 */
export function recognizeTrackingNumber(raw: string): TrackingNumberRecognition {
  const trackingNumber = normaliseTrackingNumber(typeof raw === 'string' ? raw : '');
  const unknown = { known: false, carrierName: 'unknown carrier', trackingNumber, trackingUrl: null } as const;
  if (trackingNumber.length < 8 || trackingNumber.length > 40) return unknown;

  const item = parseS10(trackingNumber);
  if (item) {
    const post = POSTS[item.country];
    if (post) {
      const trackingUrl = link(post.url, trackingNumber);
      return {
        known: true,
        carrier: post.carrier,
        carrierName: post.name,
        trackingNumber,
        trackingUrl,
        format: 'UPU S10',
      };
    }
    const name = S10_POST_NAMES.get(item.country);
    if (!name) return unknown;
    return { known: true, carrier: 'post', carrierName: name, trackingNumber, trackingUrl: null, format: 'UPU S10' };
  }

  try {
    const found = getTracking(trackingNumber, LIBRARY_COURIERS);
    const courier = found && COURIERS[found.courier.code];
    if (!found || !courier) return unknown;
    return {
      known: true,
      carrier: courier.carrier,
      carrierName: courier.name,
      trackingNumber,
      trackingUrl: found.trackingUrl ? link(found.trackingUrl, trackingNumber) : null,
      format: found.name,
    };
  } catch {
    // The library matches with regular expressions over its own data; a number it chokes on is simply not known.
    return unknown;
  }
}
