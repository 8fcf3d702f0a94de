type Overriding = { id: string; overrides?: { clause: string; because: string }[] | undefined };

/**
 * How a policy settles a tension between two of its rules: the `overrides`
 * entry of either that names the other, or `unresolved` when neither does.
 * Returned as the end of a finding's message.
 */
export function resolutionOf(a: Overriding, b: Overriding, unresolved: string): string {
  const byA = a.overrides?.find((o) => o.clause === b.id);
  if (byA) return `; resolved: ${a.id} wins: ${byA.because}`;
  const byB = b.overrides?.find((o) => o.clause === a.id);
  if (byB) return `; resolved: ${b.id} wins: ${byB.because}`;
  return ` ${unresolved}`;
}
