import { describeClause, words } from './describe-clause.ts';
import type { Clause, Policy, TimeStatement } from './policy.schema.ts';

/** One line of text under a heading, optionally labelled and linked. */
export type PageLine = { label?: string; text: string; href?: string };
/** The shop's own sentences followed by Loupe's lines about them. */
export type PageItem = { quotes: string[]; lines: PageLine[] };
export type PageSection = { id: string; heading: string; items: PageItem[] };
/** A policy page before it is written as Markdown or HTML, so both formats carry the same content. */
export type PolicyPage = { title: string; intro: string[]; sections: PageSection[]; footer: string };

const PLAIN = 'In plain words';
const UNIT_WORDS = { hours: 'hours', days: 'days', business_days: 'business days', weeks: 'weeks' } as const;
const WEEKDAYS = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const quotesOf = (clause: Clause) => (typeof clause.quote === 'string' ? [clause.quote] : clause.quote);
const WEEK = Object.keys(WEEKDAYS) as (keyof typeof WEEKDAYS)[];

/** "Monday to Friday" for a run of three or more days, else "Monday, Wednesday". */
function days(list: (keyof typeof WEEKDAYS)[]): string {
  const sorted = WEEK.filter((d) => list.includes(d));
  const first = sorted[0];
  const last = sorted.at(-1);
  const run = first && last && WEEK.indexOf(last) - WEEK.indexOf(first) === sorted.length - 1;
  if (run && sorted.length >= 3) return `${WEEKDAYS[first]} to ${WEEKDAYS[last]}`;
  return `on ${sorted.map((d) => WEEKDAYS[d]).join(', ')}`;
}

/** The clauses' sections in the order they first appear; a clause without one goes under "Other". */
function clauseSections(policy: Policy): { heading: string; items: PageItem[] }[] {
  const sections = new Map<string, Clause[]>();
  for (const clause of policy.clauses) {
    const heading = clause.section?.trim() || 'Other';
    sections.set(heading, [...(sections.get(heading) ?? []), clause]);
  }
  return [...sections].map(([heading, clauses]) => {
    // Clauses resting on the same sentences share one item: the shop's words once, then each reading.
    const items = new Map<string, PageItem>();
    for (const clause of clauses) {
      const quotes = quotesOf(clause);
      const key = quotes.join('\u0000');
      const item = items.get(key) ?? { quotes, lines: [] };
      items.set(key, item);
      if (clause.summary) item.lines.push({ text: clause.summary });
      const plain = describeClause(clause, policy);
      if (plain) item.lines.push({ label: PLAIN, text: plain });
      for (const o of clause.overrides ?? [])
        item.lines.push({ label: `Takes precedence over “${words(o.clause)}”`, text: o.because });
    }
    return { heading, items: [...items.values()] };
  });
}

function timeItem(kind: string, t: TimeStatement): PageItem {
  const span = t.min === t.max ? `${t.max}` : `${t.min}–${t.max}`;
  const scope = [t.fulfillment && `${words(t.fulfillment)} items`, t.destination && `${t.destination} orders`];
  const subject = [kind, ...scope.filter(Boolean)].join(', ');
  const unit = t.max === 1 ? UNIT_WORDS[t.unit].replace(/s$/, '') : UNIT_WORDS[t.unit];
  return { quotes: [t.quote], lines: [{ label: PLAIN, text: `${subject}: ${span} ${unit}` }] };
}

function responseItems(policy: Policy): PageItem[] {
  const items: PageItem[] = [];
  const respond = policy.responseTime;
  if (respond) {
    const about = respond.request ? ` about ${respond.request.map(words).join(', ')}` : '';
    const text = `We answer requests${about} within ${respond.businessDays} business days`;
    items.push({ quotes: [respond.quote], lines: [{ label: PLAIN, text }] });
  }
  const resolve = policy.resolutionTime;
  if (resolve) {
    const after = resolve.after === 'goods_received' ? 'after we receive your return' : 'after we decide';
    const text = `Refund, credit or replacement within ${resolve.businessDays} business days ${after}`;
    items.push({ quotes: [resolve.quote], lines: [{ label: PLAIN, text }] });
  }
  return items;
}

function shippingItems(policy: Policy): PageItem[] {
  const { processing, delivery, shipDays } = policy.profile;
  const items = [...processing.map((t) => timeItem('Processing', t)), ...delivery.map((t) => timeItem('Delivery', t))];
  if (shipDays) {
    const lines: PageLine[] = [{ label: PLAIN, text: `We ship ${days(shipDays.domestic)}` }];
    if (shipDays.internationalPickups)
      lines.push({ text: `International parcels are collected ${days(shipDays.internationalPickups)}` });
    items.push({ quotes: shipDays.quote ? [shipDays.quote] : [], lines });
  }
  return items;
}

/** Values the page implies but does not state, shown as the shop's settings, never as its words. */
function settingItems(policy: Policy): PageItem[] {
  const { profile } = policy;
  const items: PageItem[] = Object.entries(policy.settings).map(([key, setting]) => {
    const isFee = policy.clauses.some((c) => {
      const fee = c.then?.restockingFee;
      return fee !== undefined && 'setting' in fee && fee.setting === key;
    });
    const what = isFee ? `${setting.value}% restocking fee` : `${words(key)}: ${setting.value}`;
    return { quotes: [], lines: [{ label: 'Shop setting', text: `${what} — ${setting.note}` }] };
  });
  const workdays = days(profile.businessDays);
  const region = profile.holidays.state
    ? `${profile.holidays.country}-${profile.holidays.state}`
    : profile.holidays.country;
  const calendar = `days are counted in ${profile.timeZone} time; business days are ${workdays.replace(/^on /, '')}, except public holidays in ${region}`;
  items.push({ quotes: [], lines: [{ label: 'Shop setting', text: calendar }] });
  if (profile.settingsNote) items.push({ quotes: [], lines: [{ text: profile.settingsNote }] });
  return items;
}

function contactItems(policy: Policy): PageItem[] {
  const { email, phone, address, url } = policy.profile.contact;
  const lines: PageLine[] = [];
  if (email) lines.push({ label: 'Email', text: email, href: `mailto:${email}` });
  if (phone) lines.push({ label: 'Phone', text: phone, href: `tel:${phone.replaceAll(/[^\d+]/g, '')}` });
  if (address) lines.push({ label: 'Address', text: address });
  if (url) lines.push({ label: 'Website', text: url, ...(/^https?:\/\//i.test(url) ? { href: url } : {}) });
  return [{ quotes: [policy.fallback.quote], lines }];
}

function slug(heading: string, taken: Set<string>): string {
  const base =
    heading
      .toLowerCase()
      .replaceAll(/[^a-z0-9]+/g, '-')
      .replaceAll(/^-|-$/g, '') || 'section';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The customer-facing page of a policy: the shop's words, what they mean, times, settings and contact. */
export function buildPolicyPage(policy: Policy): PolicyPage {
  const sections = [
    ...clauseSections(policy),
    { heading: 'Response and refund times', items: responseItems(policy) },
    { heading: 'Processing and delivery', items: shippingItems(policy) },
    { heading: 'Shop settings', items: settingItems(policy) },
    { heading: 'Contact', items: contactItems(policy) },
  ].filter((s) => s.items.length > 0);
  const taken = new Set<string>();
  return {
    title: `${policy.name} after-sales policy`,
    intro: [
      `How ${policy.name} handles cancellations, returns, exchanges, refunds and warranty requests.`,
      `Quoted passages are the shop's own words. Lines marked “${PLAIN}” are generated from the same policy data that decides requests, so the page and the decisions agree.`,
    ],
    sections: sections.map((s) => ({ ...s, id: slug(s.heading, taken) })),
    footer: `Policy version ${policy.version}. Generated by Loupe.`,
  };
}
