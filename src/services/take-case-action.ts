import {
  type CaseAction,
  type CaseEffect,
  type CaseState,
  type TransitionInput,
  transition,
} from '../domain/cases/case-states.ts';
import type { Outcome } from '../domain/contract/decision.schema.ts';
import { DomainError } from '../domain/errors.ts';
import { transaction } from '../storage/database.ts';
import { appendAudit } from '../storage/repositories/audit-log.ts';
import { findCase, updateCaseAtRevision } from '../storage/repositories/cases.ts';
import { insertMessage } from '../storage/repositories/messages.ts';
import { findOrderById } from '../storage/repositories/orders.ts';
import { findPolicyVersion } from '../storage/repositories/policy-versions.ts';
import { authorKindOf, authorNameOf } from './author-kind.ts';
import { newAuthorizationNumber } from './authorization-number.ts';
import { type CaseActionContext, carryOut } from './carry-out-case-action.ts';
import { type CaseView, readCaseView } from './case-view.ts';
import { findCaseFor } from './find-case-for.ts';
import { mailsOnCaseAction } from './mail/mails-on-case-action.ts';
import { returnInstructions } from './return-instructions.ts';
import { type Actor, describeActor, type ServiceContext } from './service-context.ts';

/** What a caller may give an action: the lifecycle's inputs, less what Loupe sets itself (the moment, the authorization number). */
export type ActionInput = Omit<TransitionInput, 'now' | 'authorizationNumber'>;

/** One action on a case, from a caller who saw it at `revision`. */
export type TakeCaseActionInput = { caseId: string; action: CaseAction; revision: number; input: ActionInput };

const conflict = (message: string) =>
  new DomainError('CONFLICT', message, [{ code: 'stale_revision', path: ['revision'], message }]);

/**
 * Moves a case by one action of the lifecycle (case-states.ts), or refuses
 * and leaves it unchanged: a role the table does not allow is FORBIDDEN, a
 * move it does not have is ILLEGAL_TRANSITION, a missing input MISSING_INPUT
 * naming it. The caller sends the revision it saw; if the case has moved on
 * since, CONFLICT — so two people approving at once make one decision. Then
 * what the move sets in motion is carried out in the same transaction
 * (authorization terms, re-decision at inspection, the follow-up order of a
 * remake …) and audited with the actor and the case's policy version.
 */
export async function takeCaseAction(ctx: ServiceContext, actor: Actor, a: TakeCaseActionInput): Promise<CaseView> {
  const now = ctx.now();
  return transaction(ctx.db, async (tx) => {
    const row = await findCaseFor(tx, actor, a.caseId);
    if (row.revision !== a.revision) {
      throw conflict(`the case is at revision ${row.revision}, not ${a.revision}: read it again`);
    }
    const version = row.policyVersionId ? await findPolicyVersion(tx, row.policyVersionId) : undefined;
    const order = row.orderId ? await findOrderById(tx, row.orderId) : undefined;

    const input: TransitionInput = { ...a.input, now: now.toISOString() };
    if (a.action === 'authorize') {
      input.authorizationNumber = newAuthorizationNumber();
      input.returnAddress ??= version?.policy.profile.contact.address;
      input.shipBy ??= row.shipBy?.toISOString();
      // Written from what is known; without an address or ship-by date the lifecycle refuses, naming which.
      const profile = version?.policy.profile;
      input.instructions ??= returnInstructions(
        row.decision,
        input as Parameters<typeof returnInstructions>[1],
        profile ? { timeZone: profile.timeZone, locale: `en-${profile.country}` } : undefined,
      );
    }
    const status = {
      state: row.state as CaseState,
      returnRequired: row.decision?.returnRequired,
      shipBy: row.shipBy?.toISOString(),
    };
    const moved = transition(status, a.action, { role: actor.role, id: describeActor(actor) }, input);
    if (!moved.ok) {
      throw new DomainError(moved.code, moved.message, [
        { code: moved.code.toLowerCase(), path: moved.path ?? ['action'], message: moved.message },
      ]);
    }

    const context: CaseActionContext = { tx, ctx, row, order, policy: version?.policy, input, now };
    const outcome = outcomeAfter(a.action, moved.to, input.outcome);
    const plan = carryOut(context, moved.effects, outcome);
    if (!(await updateCaseAtRevision(tx, row.id, a.revision, { ...plan.patch, state: moved.to }, now))) {
      throw conflict('someone changed the case at the same moment: read it again');
    }
    await plan.afterUpdate();

    const audit = moved.effects.find((e): e is Extract<CaseEffect, { type: 'audit' }> => e.type === 'audit');
    const { now: _now, ...given } = audit?.input ?? {};
    await appendAudit(tx, [
      {
        shopId: row.shopId,
        caseId: row.id,
        actor: describeActor(actor),
        action: a.action,
        fromState: row.state,
        toState: moved.to,
        policyVersionId: row.policyVersionId,
        detail: { ...given, ...plan.detail },
        at: now,
      },
    ]);
    const posted: { id: string; body: string }[] = [];
    for (const message of plan.messages) {
      const author = message.from ?? actor;
      const id = ctx.newId();
      // The instructions an authorization posts go out as their own mail (mailsOnCaseAction).
      if (a.action !== 'authorize') posted.push({ id, body: message.body });
      await insertMessage(tx, {
        id,
        caseId: row.id,
        authorKind: authorKindOf(author),
        author: authorNameOf(author),
        body: message.body,
        createdAt: now,
      });
    }
    const updated = await findCase(tx, row.id);
    if (!updated) throw new Error('the case just updated is missing');
    const followUp = plan.detail.followUpOrder as { number: string } | undefined;
    await mailsOnCaseAction(tx, ctx, {
      action: a.action,
      before: row,
      after: updated,
      order,
      policy: version?.policy,
      input,
      followUpOrderNumber: followUp?.number,
      staffMessages: posted,
    });
    return readCaseView(tx, updated, actor, now);
  });
}

/** The outcome a move sets, if any: the one staff chose, or the one an override turns to. */
function outcomeAfter(action: CaseAction, to: CaseState, chosen: Outcome | undefined): Outcome | undefined {
  if (action === 'override') return to === 'decided_denied' ? 'denied' : 'approved';
  if (action === 'decide' || action === 'review' || action === 'conclude_investigation') return chosen;
  return undefined;
}
