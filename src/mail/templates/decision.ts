import type { Resolution } from '../../domain/contract/case.schema.ts';
import type { Outcome, ReasonCitation } from '../../domain/contract/decision.schema.ts';
import { formatInstant } from '../format-instant.ts';
import { formatMoney } from '../format-money.ts';
import { either, RESOLUTION_WORDS } from '../mail-words.ts';
import { type MailBlock, type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/**
 * A decision as a mail tells it: the outcome, the remedies offered, what may
 * come back in money, whether the goods go back and who pays the postage,
 * the shop's own sentences behind it, and a note when staff decided.
 */
export type DecisionNotice = {
  outcome: Outcome;
  resolutions: Resolution[];
  money: { currency: string; refundableCents: number } | null;
  returnRequired: boolean;
  returnShippingPaidBy: 'shop' | 'customer' | null;
  /** The policy's sentences; empty when staff decided otherwise than the policy. */
  reasons: ReasonCitation[];
  respondsBy: Date | null;
  /** Why staff decided as they did, in their words. */
  staffNote?: string | undefined;
};

const HEADLINES: Record<Outcome, string> = {
  approved: 'your request is approved',
  partial: 'part of your request is approved',
  denied: 'we cannot accept your request',
  needs_review: 'our care team is looking at your request',
};

/** The mail that gives a customer the decision on their request, quoting the shop's policy. */
export function decisionMail(frame: MailFrame, d: DecisionNotice): RenderedMail {
  const { locale, timeZone } = frame.shop;
  const blocks: MailBlock[] = [];
  if (d.outcome === 'approved' || d.outcome === 'partial') {
    const offered = d.resolutions.map((r) => RESOLUTION_WORDS[r]);
    const opening =
      d.outcome === 'approved' ? 'Good news: your request is approved.' : 'Part of your request is approved.';
    blocks.push({ kind: 'paragraph', text: offered.length ? `${opening} We can offer ${either(offered)}.` : opening });
    if (d.money && d.money.refundableCents > 0) {
      const amount = formatMoney(d.money.refundableCents, d.money.currency, locale);
      blocks.push({ kind: 'paragraph', text: `Up to ${amount} can come back to you.` });
    }
    if (d.returnRequired) {
      const postage =
        d.returnShippingPaidBy === 'shop'
          ? ' We pay the return shipping.'
          : d.returnShippingPaidBy === 'customer'
            ? ' The return shipping is at your cost.'
            : '';
      blocks.push({
        kind: 'paragraph',
        text: `Please do not send anything yet: we will email you the return instructions.${postage}`,
      });
    }
  } else if (d.outcome === 'denied') {
    blocks.push({ kind: 'paragraph', text: 'We are sorry: under our policy we cannot accept this request.' });
  } else {
    const by = d.respondsBy ? ` and answer by ${formatInstant(d.respondsBy, timeZone, locale)}` : '';
    blocks.push({
      kind: 'paragraph',
      text: `Our policy leaves this request to our care team: they will look at it${by}.`,
    });
  }
  if (d.staffNote)
    blocks.push({ kind: 'paragraph', text: 'From our care team:' }, { kind: 'verbatim', text: d.staffNote });
  if (d.reasons.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'Why, in the words of our policy:' });
    for (const r of d.reasons) blocks.push({ kind: 'quote', text: r.quote, note: r.detail });
  }
  return renderMail(frame, { subject: `${frame.shop.name}: ${HEADLINES[d.outcome]} (${frame.reference})`, blocks });
}
