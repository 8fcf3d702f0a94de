import { renderPolicy } from '../domain/policy/render-policy.ts';
import { assertStaffOf } from './assert-access.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import { readPolicyDraft } from './read-policy-draft.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** A draft policy as its customer-facing page would read once published. */
export type RenderedPolicyDraft = { version: string; html: string };

/** Renders a draft of a shop's policy as the HTML page customers would read; nothing is stored. Staff of the shop. */
export async function renderPolicyDraft(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  yaml: string,
): Promise<RenderedPolicyDraft> {
  assertStaffOf(actor, shopId);
  await findShopOrThrow(ctx.db, shopId);
  const policy = readPolicyDraft(yaml, shopId);
  return { version: policy.version, html: renderPolicy(policy, 'html') };
}
