// Every table of Loupe's database; drizzle-kit generates the migrations in drizzle/ from this module.
export { attachments } from './attachments.ts';
export { auditLog } from './audit-log.ts';
export { caseMoney } from './case-money.ts';
export { caseNumbers, cases } from './cases.ts';
export { customers } from './customers.ts';
export { giftCards } from './gift-cards.ts';
export { idempotencyKeys } from './idempotency-keys.ts';
export { ledgerEntries } from './ledger-entries.ts';
export { mailInbound, mailOutbox, mailThreads } from './mail.ts';
export { messages } from './messages.ts';
export { orderLines } from './order-lines.ts';
export { orders } from './orders.ts';
export { sessions, signInLinks, staffAccounts } from './people.ts';
export { policyVersions } from './policy-versions.ts';
export { rateLimitAttempts } from './rate-limit-attempts.ts';
export { shipments } from './shipments.ts';
export { shops } from './shops.ts';
export { trackingEvents } from './tracking-events.ts';
