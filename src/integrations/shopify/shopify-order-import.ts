import { z } from 'zod';
import { type Order, OrderSchema } from '../../domain/contract/case.schema.ts';
import { toIssues } from '../../domain/contract/parse-case.ts';
import type { Issue, Result } from '../../domain/errors.ts';
import { toMinorUnits } from './minor-units.ts';

/** A parcel Shopify says left for the customer. */
export type ShopifyParcel = {
  carrier: string | null;
  trackingNumber: string;
  /** Shopify's tracking page, stored on the parcel (the view prefers it to the carrier's recognised page). */
  trackingUrl: string | null;
  shippedAt: string;
  /** Shopify's `shipment_status` (`in_transit`, `delivered` …), else `in_transit`. */
  status: string;
};

/** One Shopify order as Loupe imports it: the contract's order, its customer, its parcels and refunds made in Shopify. */
export type ShopifyOrderImport = {
  order: Order;
  customer: { email: string; name?: string };
  parcels: ShopifyParcel[];
  /**
   * Refunds already made in Shopify, in minor units of the order's currency:
   * stored as the order's `refunded_outside_cents` (a case refunds only what
   * is left). The CSV export gives only the amount, not how many.
   */
  refunds: { amount: number; count?: number };
  cancelled: boolean;
  /** When Shopify cancelled the order (an ISO instant), stored as the order's `cancelled_at`; null while it stands. */
  cancelledAt: string | null;
};

/**
 * The number Loupe keys an order by: Shopify's `name` ("#1001", or with the
 * shop's own prefix, "AU-1001"), which is what the customer's emails show and
 * the only order key the CSV export has, without the "#" that Shopify puts in
 * front (it would have to be escaped in every URL). `order_number` when there
 * is no name.
 */
export function orderNumberOf(name: string | null | undefined, orderNumber?: number | null): string | undefined {
  const trimmed = name?.trim().replace(/^#\s*/, '');
  if (trimmed) return trimmed;
  return typeof orderNumber === 'number' ? String(orderNumber) : undefined;
}

const EmailSchema = z.email();

/** Collects what is wrong while an order is mapped, each issue with Shopify's path (and the CSV row's line). */
export class MappingIssues {
  readonly issues: Issue[] = [];

  add(path: (string | number)[], message: string, code = 'invalid_value', line?: number): void {
    this.issues.push(line === undefined ? { code, path, message } : { code, path, message, line });
  }

  /** An amount in minor units of `currency`, exactly; 0 (with an issue) when it is not one. */
  amount(value: string | number, currency: string, path: (string | number)[], line?: number): number {
    const read = toMinorUnits(value, currency);
    if (read.ok) return read.value;
    this.add(path, read.message, 'invalid_amount', line);
    return 0;
  }

  /** The customer's email, trimmed, or an issue: the desk tells customers apart by email. */
  email(value: string | null | undefined, path: (string | number)[], line?: number): string {
    const email = value?.trim() ?? '';
    if (!email) this.add(path, 'the order has no email: the desk identifies customers by email', 'missing_email', line);
    else if (!EmailSchema.safeParse(email).success) this.add(path, `"${email}" is not an email`, 'invalid_email', line);
    return email;
  }
}

/** The database's `integer`: amounts in minor units and quantities are stored as one. */
const LARGEST_STORED_INTEGER = 2_147_483_647;

/**
 * What the database would refuse, named by field before it is tried: a NUL
 * character (PostgreSQL text cannot hold one) or an integer beyond its
 * columns, so a record is reported with its field instead of a database error.
 */
function unstorable(value: unknown, path: (string | number)[], issues: MappingIssues): void {
  // The path is one array pushed and popped on the way down, copied only for an issue: this runs on every field.
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      issues.add([...path], 'contains a NUL character, which cannot be stored', 'invalid_text');
    }
  } else if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) > LARGEST_STORED_INTEGER) {
      issues.add(
        [...path],
        `${value} is beyond the largest amount or quantity stored (${LARGEST_STORED_INTEGER})`,
        'too_big',
      );
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      unstorable(value[i], path, issues);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      path.push(key);
      unstorable((value as Record<string, unknown>)[key], path, issues);
      path.pop();
    }
  }
}

/**
 * The import, or the issues found while mapping it; the order is checked
 * against the contract as well, so nothing the engine cannot read is stored.
 */
export function completeImport(mapped: ShopifyOrderImport, issues: MappingIssues): Result<ShopifyOrderImport> {
  const { order, customer, parcels } = mapped;
  unstorable({ order, customer, parcels }, [], issues);
  if (issues.issues.length > 0) return { ok: false, issues: issues.issues };
  const checked = OrderSchema.safeParse(mapped.order);
  if (!checked.success) {
    return { ok: false, issues: toIssues(checked.error).map((i) => ({ ...i, path: ['(contract order)', ...i.path] })) };
  }
  return { ok: true, value: { ...mapped, order: checked.data } };
}
