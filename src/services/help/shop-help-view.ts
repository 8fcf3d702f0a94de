import type { SizeGuide } from '../../domain/policy/help.schema.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { buildPolicyPage } from '../../domain/policy/policy-page.ts';
import type { ShopHelp } from './shop-help.schema.ts';

const listOf = (quote: string | string[] | undefined) =>
  quote === undefined ? [] : typeof quote === 'string' ? [quote] : quote;

function sizeGuideView(guide: SizeGuide): ShopHelp['sizeGuide'] {
  const table = <Row>(t: { quote?: string | string[]; note?: string; rows: Row[] } | undefined) =>
    t ? { quote: listOf(t.quote), note: t.note ?? null, rows: t.rows } : null;
  return {
    quote: listOf(guide.quote),
    rings: table(guide.rings),
    necklaces: table(guide.necklaces),
    earrings: table(guide.earrings),
  };
}

/** The help center of a policy version: its questions, size guide, policy page as text and contact. */
export function shopHelpView(policy: Policy, version: { version: string; effectiveFrom: Date }): ShopHelp {
  const { email, phone, address, url } = policy.profile.contact;
  return {
    shop: { id: policy.id, name: policy.name },
    version: version.version,
    effectiveFrom: version.effectiveFrom.toISOString(),
    faq: (policy.help?.faq ?? []).map((e) => ({
      id: e.id,
      topic: e.topic,
      question: e.question,
      questionQuoted: e.questionQuoted,
      answer: listOf(e.answer),
      aboutOrder: e.aboutOrder ?? null,
    })),
    sizeGuide: policy.help?.sizeGuide ? sizeGuideView(policy.help.sizeGuide) : null,
    policy: buildPolicyPage(policy),
    contact: { email: email ?? null, phone: phone ?? null, address: address ?? null, url: url ?? null },
  };
}
