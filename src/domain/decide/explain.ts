import type { DateTime } from 'luxon';
import type { Condition } from '../contract/case.schema.ts';
import type { When, Window } from '../policy/policy.schema.ts';
import { anchorOf, type MatchContext } from './match-when.ts';
import { ANCHOR_EVENTS, describeElapsed, describeLength, windowEnd } from './windows.ts';

const yesNo = (v: boolean | undefined) => (v === undefined ? 'not stated' : v ? 'yes' : 'no');

/** The facts of the case a clause looked at, in plain words: "reason: defective; worn: no". */
export function describeFacts(when: When | undefined, x: MatchContext): string {
  if (!when) return '';
  const { line } = x.lf;
  const order = x.cf.case.order;
  const parts: string[] = [];
  if (when.reason && x.lf.reason) parts.push(`reason: ${x.lf.reason.replaceAll('_', ' ')}`);
  if (when.category) parts.push(`${line.title ?? line.id} is ${line.category.replaceAll('_', ' ')}`);
  if (when.fulfillment) parts.push(line.fulfillment.replaceAll('_', ' '));
  if (when.finalSale !== undefined) parts.push(`final sale: ${yesNo(line.finalSale)}`);
  if (when.onSale !== undefined) parts.push(`on sale: ${yesNo(line.onSale)}`);
  if (when.personalized !== undefined) parts.push(`personalised: ${yesNo(line.personalized)}`);
  if (when.previousRemakeOrReplacement !== undefined) {
    parts.push(`already a remake or replacement: ${yesNo(line.previousRemakeOrReplacement)}`);
  }
  if (when.paymentMethod && order.paymentMethod) parts.push(`paid by ${order.paymentMethod.replaceAll('_', ' ')}`);
  if (when.destination) parts.push(`ships to ${order.destinationCountry}`);
  if (when.discountCodes) {
    const codes = order.discountCodes ?? [];
    parts.push(codes.length ? `codes: ${codes.map((c) => `${c.code} (${c.kind})`).join(', ')}` : 'no discount code');
  }
  if (when.condition) {
    for (const key of Object.keys(when.condition) as (keyof Condition)[]) {
      parts.push(`${key}: ${yesNo(x.lf.condition[key])}`);
    }
  }
  if (when.carrier) {
    for (const key of Object.keys(when.carrier) as ('confirmedLost' | 'proofOfDelivery' | 'returnedToSender')[]) {
      parts.push(`carrier ${key}: ${yesNo(order.carrier?.[key])}`);
    }
  }
  if (when.shipped !== undefined) parts.push(x.lf.anchor('shipment') ? 'already shipped' : 'not shipped yet');
  if (when.productionStarted !== undefined) {
    parts.push(x.lf.anchor('production_start') ? 'production has started' : 'production not started');
  }
  if (when.returnShipment) {
    const s = x.cf.case.request.returnShipment;
    parts.push(
      s
        ? `sent back ${s.authorized === false ? 'without' : 'with'} authorization, ${s.trackingNumber ? 'tracked' : 'no tracking number'}`
        : 'not sent back yet',
    );
  }
  return parts.join('; ');
}

const stamp = (t: DateTime, zone: string) => `${t.setZone(zone).toFormat('yyyy-LL-dd HH:mm')} (${zone})`;

/** "delivered 31 days ago (in the shop's time zone); the window is 30 days, until …". */
export function describeWindow(window: Window, x: MatchContext): string {
  const start = anchorOf(x, window.from);
  if (!start) return '';
  const zone = x.calendar.zone;
  const event = window.from ? ANCHOR_EVENTS[window.from] : 'asked';
  const end = windowEnd(window, start, x.calendar);
  return `${event} ${describeElapsed(window, start, x.cf.now, x.calendar)}; the window is ${describeLength(window)}, until ${stamp(end, zone)}`;
}
