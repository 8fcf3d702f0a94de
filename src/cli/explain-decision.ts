import type { Decision } from '../domain/contract/decision.schema.ts';

const words = (s: string) => s.replaceAll('_', ' ');

function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);
}

/** A short human explanation of a decision: what, why in the shop's words, by when. */
export function explainDecision(d: Decision): string {
  const out: string[] = [];
  const offer = d.resolutions.length ? `: ${d.resolutions.map(words).join(' or ')}` : '';
  out.push(`${d.shop} (policy ${d.policyVersion}): ${words(d.outcome).toUpperCase()}${offer}`);
  if (d.lines.length > 1 || d.outcome === 'partial') {
    for (const l of d.lines)
      out.push(
        `  line ${l.id}: ${words(l.outcome)}${l.resolutions.length ? ` (${l.resolutions.map(words).join(', ')})` : ''}`,
      );
  }
  const m = d.money;
  if (m.itemsRefundable || m.shippingRefundable || m.restockingFee) {
    const parts = [`up to ${money(m.itemsRefundable, m.currency)} for the goods`];
    if (m.shippingRefundable) parts.push(`${money(m.shippingRefundable, m.currency)} shipping back`);
    if (m.restockingFee) parts.push(`less a ${money(m.restockingFee, m.currency)} restocking fee`);
    out.push(`  money: ${parts.join(', ')}`);
  }
  if (d.returnRequired)
    out.push(`  send the goods back; return shipping paid by ${d.returnShippingPaidBy ?? 'to be agreed'}`);
  if (d.requirements.length) out.push(`  needs: ${d.requirements.map(words).join(', ')}`);
  for (const [key, value] of Object.entries(d.deadlines)) if (value) out.push(`  ${key}: ${value}`);
  out.push('  because:');
  for (const r of d.reasons) out.push(`    [${r.clause}] "${r.quote}"${r.detail ? `\n      (${r.detail})` : ''}`);
  return out.join('\n');
}
