import { eq, inArray } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { cases, customers, orders } from '../schema/index.ts';

/** What rendering a mail reads of its case: its reference, its policy version (the shop's clock), what the acknowledgement says, and whom its order greets. */
export type MailCaseFacts = {
  id: string;
  shopId: string;
  number: number;
  type: typeof cases.$inferSelect.type;
  respondsBy: Date | null;
  policyVersionId: string | null;
  orderNumber: string | null;
  customerName: string | null;
  customerEmail: string | null;
};

/** The cases with these ids, as their mails are rendered: one statement for a batch of mails. */
export async function findMailCaseFacts(db: LoupeDatabase, caseIds: readonly string[]): Promise<MailCaseFacts[]> {
  if (caseIds.length === 0) return [];
  return db
    .select({
      id: cases.id,
      shopId: cases.shopId,
      number: cases.number,
      type: cases.type,
      respondsBy: cases.respondsBy,
      policyVersionId: cases.policyVersionId,
      orderNumber: orders.number,
      customerName: customers.name,
      customerEmail: customers.email,
    })
    .from(cases)
    .leftJoin(orders, eq(orders.id, cases.orderId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(inArray(cases.id, [...new Set(caseIds)]));
}
