// What the desk benchmark sends the server. `create-case` is the issue's
// measurement: POST /api/v1/shops/aulso/cases for an order seeded just before
// (through POST /api/v1/shops/aulso/orders), a distinct order each request.
// `decide` (the stateless POST /api/v1/decide) needs no database: a stand-in to
// test the harness with, and a floor for what HTTP alone costs.
import { aulsoOrder, changeOfMindReturn, customerEmail, orderNumber, SHOP } from './aulso-orders.ts';
import { type LoadRequest, runLoad } from './load.ts';
import type { LoupeServer } from './loupe-server.ts';

/** One kind of request the desk benchmark measures. */
export type Workload = {
  id: 'create-case' | 'create-case-as-customer' | 'decide';
  /** The table's name for it. */
  label: string;
  /** What one request does, for the report. */
  describe: string;
  /** Whether each 2xx answer stores one case (checked against the database after the run). */
  storesCases: boolean;
  /** Makes `count` requests for a running server, seeding what they need first. */
  make(server: LoupeServer, count: number): Promise<LoadRequest[]>;
};

const RUN = Date.now().toString(36);
let ordersMade = 0;

const bearer = (server: LoupeServer) => {
  if (!server.staffToken) throw new Error('the server announced no staff token');
  return { authorization: `Bearer ${server.staffToken}` };
};

/**
 * Imports `count` fresh Aulso orders through the API (50 connections) and
 * answers the numbers of those imported. A refusal stops the run; an import
 * that got no answer in time is left out (it may or may not be stored).
 */
async function seedOrders(server: LoupeServer, count: number): Promise<number[]> {
  if (count < 1) return [];
  const first = ordersMade;
  ordersMade += count;
  const now = Date.now();
  const headers = bearer(server);
  let i = 0;
  const seeded = await runLoad({
    url: server.url,
    // autocannon refuses fewer requests than connections.
    connections: Math.min(50, count),
    seconds: 0,
    amount: count,
    timeoutSeconds: 60,
    next: () => {
      if (i >= count) return undefined;
      const n = first + i++;
      return {
        path: `/api/v1/shops/${SHOP}/orders`,
        headers,
        tag: n,
        body: JSON.stringify({ order: aulsoOrder(orderNumber(RUN, n), now), customer: { email: customerEmail(n) } }),
      };
    },
  });
  const failure = seeded.failures[0];
  if (failure)
    throw new Error(`seeding orders: ${seeded.non2xx} refused, the first ${failure.status}: ${failure.body}`);
  if (seeded.errors > 0) {
    process.stderr.write(`  seeding: ${seeded.errors} imports unanswered (${seeded.firstError}); left out\n`);
  }
  return seeded.okTags.sort((a, b) => a - b);
}

/** Staff open a return case on an order (one transaction: look-up, decision, case, audit). */
export const createCaseWorkload: Workload = {
  id: 'create-case',
  label: 'create-case, staff token',
  describe:
    'POST /api/v1/shops/aulso/cases with a staff bearer token: a change-of-mind return on an order of its own, ' +
    'seeded before through POST /api/v1/shops/aulso/orders; the server looks the order up (one statement: the order, its lines ' +
    'and the policy version in force), decides it, stores the case, its money, its two audit entries and its two mails to the ' +
    'customer (request received, the decision) with their thread in one statement, a transaction of its own, and answers 201 with the case',
  storesCases: true,
  async make(server, count) {
    const headers = bearer(server);
    return (await seedOrders(server, count)).map((n) => ({
      path: `/api/v1/shops/${SHOP}/cases`,
      headers,
      body: JSON.stringify({ orderNumber: orderNumber(RUN, n), request: changeOfMindReturn }),
    }));
  },
};

/** A customer opens it, naming their order and its email: one more (read) transaction to identify them. */
export const createCaseAsCustomerWorkload: Workload = {
  id: 'create-case-as-customer',
  label: 'create-case, customer (order number + email)',
  describe:
    'the same request by the customer, identified by order number and email (a read transaction of its own before the case is opened)',
  storesCases: true,
  async make(server, count) {
    return (await seedOrders(server, count)).map((n) => ({
      path: `/api/v1/shops/${SHOP}/cases`,
      body: JSON.stringify({ orderNumber: orderNumber(RUN, n), email: customerEmail(n), request: changeOfMindReturn }),
    }));
  },
};

/** The stand-in: a contract case decided in memory, no database. */
export const decideWorkload: Workload = {
  id: 'decide',
  label: 'decide (stand-in, no database)',
  describe: 'POST /api/v1/decide: one Aulso change-of-mind case decided, nothing stored',
  storesCases: false,
  async make(_server, count) {
    const now = Date.now();
    const first = ordersMade;
    ordersMade += count;
    return Array.from({ length: count }, (_, i) => ({
      path: '/api/v1/decide',
      body: JSON.stringify({
        shop: SHOP,
        now: new Date(now).toISOString(),
        order: aulsoOrder(orderNumber(RUN, first + i), now),
        request: changeOfMindReturn,
      }),
    }));
  },
};
