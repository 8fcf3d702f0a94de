import { DateTime } from 'luxon';
import { DomainError } from '../domain/errors.ts';
import { transaction } from '../storage/database.ts';
import { listAudit } from '../storage/repositories/audit-log.ts';
import { findOrderById } from '../storage/repositories/orders.ts';
import { findPolicyVersion } from '../storage/repositories/policy-versions.ts';
import { findShop } from '../storage/repositories/shops.ts';
import { caseReference } from './case-reference.ts';
import { findCaseFor } from './find-case-for.ts';
import { returnInstructions } from './return-instructions.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** What a printed return slip says: whose parcel it is, where it goes, by when, and how to pack it. */
export type ReturnSlip = {
  shopName: string;
  /** The shop's country (ISO 3166), which picks the paper: Letter in the US and Canada, A4 elsewhere. */
  shopCountry: string | null;
  caseReference: string;
  orderNumber: string | null;
  authorizationNumber: string;
  returnAddress: string;
  /** The ship-by date as an instant, and as the shop's clock shows it ("Tuesday 20 October 2026, 23:59"). */
  shipBy: { at: string; local: string; timeZone: string };
  /** Short lines of the case's return instructions, less what the slip prints on its own. */
  instructions: string[];
};

const MAX_LINES = 8;
const MAX_LINE = 200;

/**
 * The return slip of a case awaiting its return (authorized, not yet sent),
 * for its customer or the shop's staff. Any other state is
 * ILLEGAL_TRANSITION (409), naming the state: before authorization there is
 * no number to quote; once sent, the slip is in the parcel.
 */
export async function getReturnSlip(ctx: ServiceContext, actor: Actor, caseId: string): Promise<ReturnSlip> {
  return transaction(ctx.db, async (tx) => {
    const row = await findCaseFor(tx, actor, caseId);
    const reference = caseReference(row.shopId, row.number);
    const { authorizationNumber, returnAddress, shipBy } = row;
    if (row.state !== 'awaiting_return' || !authorizationNumber || !returnAddress || !shipBy) {
      const message = `${reference} is ${row.state}: a return slip is printed only while the case awaits the return (authorized, not yet sent)`;
      throw new DomainError('ILLEGAL_TRANSITION', message, [{ code: 'not_awaiting_return', path: ['id'], message }]);
    }
    const [order, version, shop, audit] = [
      row.orderId ? await findOrderById(tx, row.orderId) : undefined,
      row.policyVersionId ? await findPolicyVersion(tx, row.policyVersionId) : undefined,
      await findShop(tx, row.shopId),
      await listAudit(tx, row.id),
    ];
    const profile = version?.policy.profile;
    const timeZone = profile?.timeZone ?? 'UTC';
    // The instructions the customer was sent with the authorization: staff's own words, or the ones Loupe wrote.
    const given = audit.findLast((a) => a.action === 'authorize')?.detail as { instructions?: unknown } | null;
    const text =
      typeof given?.instructions === 'string'
        ? given.instructions
        : returnInstructions(
            row.decision,
            { authorizationNumber, returnAddress, shipBy: shipBy.toISOString() },
            { timeZone, locale: profile ? `en-${profile.country}` : 'en' },
          );
    return {
      shopName: shop?.name ?? version?.policy.name ?? row.shopId,
      shopCountry: profile?.country ?? null,
      caseReference: reference,
      orderNumber: order?.order.number ?? null,
      authorizationNumber,
      returnAddress,
      shipBy: {
        at: shipBy.toISOString(),
        local: DateTime.fromJSDate(shipBy, { zone: timeZone }).toFormat('cccc d LLLL yyyy, HH:mm'),
        timeZone,
      },
      instructions: shortInstructions(text, { authorizationNumber, returnAddress }),
    };
  });
}

/**
 * The instruction lines worth printing: without those that repeat what the
 * slip shows on its own (the number to quote, the address, the date), each
 * line and their count kept short enough for one page.
 */
function shortInstructions(text: string, shown: { authorizationNumber: string; returnAddress: string }): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line.length > 0 &&
        !line.includes(shown.authorizationNumber) &&
        !line.includes(shown.returnAddress) &&
        !/^(send it to|ship it by)\b/i.test(line),
    )
    .slice(0, MAX_LINES)
    .map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line));
}
