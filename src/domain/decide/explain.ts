import type { Condition } from '../contract/case.schema.ts';
import type { When, Window } from '../policy/policy.schema.ts';
import { anchorOf, type MatchContext } from './match-when.ts';
import { ANCHOR_EVENTS, describeElapsed, describeLength, windowEnd } from './windows.ts';

const yesNo = (v: boolean | undefined) => (v === undefined ? 'not stated' : v ? 'yes' : 'no');

/** The facts of the case a clause looked at, in plain words: "reason: defective; worn: no". */
export function describeFacts(when: When | undefined, x: MatchContext): string {
  const parts = new Set<string>();
  collectFacts(when, x, parts);
  return [...parts].join('; ');
}

/** `words('cash_on_delivery')` = "cash on delivery". */
export const words = (code: string) => code.replaceAll('_', ' ');

function collectFacts(when: When | undefined, x: MatchContext, parts: Set<string>): void {
  if (!when) return;
  const { line } = x.lf;
  const order = x.cf.case.order;
  if (when.reason && x.lf.reason) parts.add(`reason: ${words(x.lf.reason)}`);
  if (when.category) parts.add(`${line.title ?? line.id} is ${words(line.category)}`);
  if (when.fulfillment) parts.add(words(line.fulfillment));
  if (when.finalSale !== undefined) parts.add(`final sale: ${yesNo(line.finalSale)}`);
  if (when.onSale !== undefined) parts.add(`on sale: ${yesNo(line.onSale)}`);
  if (when.personalized !== undefined) parts.add(`personalised: ${yesNo(line.personalized)}`);
  if (when.previousRemakeOrReplacement !== undefined) {
    parts.add(`already a remake or replacement: ${yesNo(line.previousRemakeOrReplacement)}`);
  }
  if (when.paymentMethod && order.paymentMethod) parts.add(`paid by ${words(order.paymentMethod)}`);
  if (when.destination)
    parts.add(`ships to ${order.destinationCountry} (${x.cf.domestic ? 'domestic' : 'international'})`);
  if (when.discountCodes) {
    const codes = order.discountCodes ?? [];
    parts.add(codes.length ? `codes: ${codes.map((c) => `${c.code} (${c.kind})`).join(', ')}` : 'no discount code');
  }
  if (when.condition) {
    for (const key of Object.keys(when.condition) as (keyof Condition)[]) {
      parts.add(`${key}: ${yesNo(x.lf.condition[key])}`);
    }
  }
  if (when.carrier) {
    for (const key of Object.keys(when.carrier) as ('confirmedLost' | 'proofOfDelivery' | 'returnedToSender')[]) {
      parts.add(`carrier ${key}: ${yesNo(order.carrier?.[key])}`);
    }
  }
  if (when.shipped !== undefined) {
    const shipped = x.lf.anchor('shipment') !== null || x.lf.anchor('delivery') !== null;
    parts.add(shipped ? 'already shipped' : 'not shipped yet');
  }
  if (when.productionStarted !== undefined) {
    parts.add(x.lf.anchor('production_start') ? 'production has started' : 'production not started');
  }
  if (when.returnShipment) {
    const s = x.cf.case.request.returnShipment;
    parts.add(
      s
        ? `sent back ${s.authorized === false ? 'without' : 'with'} authorization, ${s.trackingNumber ? 'tracked' : 'no tracking number'}`
        : 'not sent back yet',
    );
  }
  for (const branch of when.any ?? []) collectFacts(branch, x, parts);
  collectFacts(when.not, x, parts);
}

/** "delivered 31 days ago (in the shop's time zone); the window is 30 days, until …". */
export function describeWindow(window: Window, x: MatchContext): string {
  const start = anchorOf(x, window.from);
  if (start === null) return '';
  const { zone } = x.calendar;
  const event = window.from ? ANCHOR_EVENTS[window.from] : 'asked';
  const end = windowEnd(window, start, x.calendar);
  return `${event} ${describeElapsed(window, start, x.cf.now, x.calendar)}; the window is ${describeLength(window)}, until ${zone.short(end)} (${zone.name})`;
}
