import { type CaseState, TERMINAL_STATES } from '../domain/cases/case-states.ts';
import type { Resolution } from '../domain/contract/case.schema.ts';
import type { Decision, Outcome } from '../domain/contract/decision.schema.ts';
import { decide } from '../domain/decide/decide.ts';
import { DomainError } from '../domain/errors.ts';
import { type LintFinding, lintPolicy } from '../domain/policy/lint-policy.ts';
import { transaction } from '../storage/database.ts';
import { listOpenRequests } from '../storage/repositories/cases.ts';
import { findOrderById } from '../storage/repositories/orders.ts';
import { assertStaffOf } from './assert-access.ts';
import { caseReference } from './case-reference.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import { readPolicyDraft } from './read-policy-draft.ts';
import { refundableCents } from './refundable-cents.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** One decision, as much of it as a comparison needs. */
export type DecisionSummary = {
  policyVersion: string;
  outcome: Outcome;
  resolutions: Resolution[];
  refundableCents: number;
};

/** How one open case was decided, and how the draft would decide it. */
export type PreviewedCase = {
  id: string;
  reference: string;
  state: CaseState;
  current: DecisionSummary | null;
  draft: DecisionSummary | { error: string };
  changed: boolean;
};

/** What a draft would change: its lint findings, and each open case under it. */
export type PolicyDraftPreview = { version: string; lint: LintFinding[]; cases: PreviewedCase[] };

const summary = (d: Decision): DecisionSummary => ({
  policyVersion: d.policyVersion,
  outcome: d.outcome,
  resolutions: d.resolutions,
  refundableCents: refundableCents(d),
});

const sameAnswer = (a: DecisionSummary, b: DecisionSummary) =>
  a.outcome === b.outcome &&
  a.refundableCents === b.refundableCents &&
  [...a.resolutions].sort().join() === [...b.resolutions].sort().join();

/**
 * How each open case of the shop would be decided under a draft policy, beside
 * how it was: the same request, order and moment of asking, the draft in
 * place of the version it was decided under. Nothing is stored; a draft with
 * lint errors is previewed too, its findings listed. Staff of the shop.
 */
export async function previewPolicyDraft(
  ctx: ServiceContext,
  actor: Actor,
  input: { shopId: string; yaml: string },
): Promise<PolicyDraftPreview> {
  assertStaffOf(actor, input.shopId);
  const draft = readPolicyDraft(input.yaml, input.shopId);
  const lint = lintPolicy(draft);
  return transaction(ctx.db, async (tx) => {
    await findShopOrThrow(tx, input.shopId);
    const rows = await listOpenRequests(tx, input.shopId, TERMINAL_STATES);
    const cases: PreviewedCase[] = [];
    for (const row of rows) {
      const order = row.orderId ? await findOrderById(tx, row.orderId) : undefined;
      if (!order || !row.request) continue;
      const current = row.decision ? summary(row.decision) : null;
      let proposed: PreviewedCase['draft'];
      try {
        proposed = summary(
          decide(draft, {
            shop: row.shopId,
            now: row.createdAt.toISOString(),
            order: order.order,
            request: row.request,
          }),
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        proposed = { error: error.message };
      }
      cases.push({
        id: row.id,
        reference: caseReference(row.shopId, row.number),
        state: row.state as CaseState,
        current,
        draft: proposed,
        changed: current === null || 'error' in proposed || !sameAnswer(current, proposed),
      });
    }
    return { version: draft.version, lint, cases };
  });
}
