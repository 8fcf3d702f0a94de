import { type Box, type Region, type Space, windowImplies } from './when-region.ts';

/** How many splits one containment question may take before the answer is "not proven". */
const MAX_SPLITS = 4096;

type Domains = Map<string, ReadonlySet<string>>;

/**
 * Whether every line of `inner` is in `outer`, counting the boxes of `outer`
 * together: faulty made-to-order lines and faulty ready-to-ship lines cover
 * every faulty line, since fulfillment takes no other value. Windows are not
 * split: a box of `outer` counts only where its windows hold on every line of
 * the inner box (same event, a window at least as long), because `within` and
 * `after` together still leave out lines with no such event. Sound, not
 * complete: `false` means "not proven", never "proven not".
 */
export function contains(outer: Region, inner: Region, space: Space): boolean {
  return inner.every((b) => {
    const usable = outer.filter((a) => a.windows.every((wa) => b.windows.some((wb) => windowImplies(wb, wa))));
    const names = new Set(usable.flatMap((a) => [...a.vars.keys()]));
    const domains: Domains = new Map();
    for (const name of names) {
      const universe = space.universe(name);
      const values = b.vars.get(name);
      const domain = values ? new Set([...values].filter((v) => universe.has(v))) : universe;
      // A variable with no value a line can take: the inner box holds no line.
      if (domain.size === 0) return true;
      domains.set(name, domain);
    }
    return covered(domains, usable, { left: MAX_SPLITS });
  });
}

/**
 * Whether the boxes cover every point of the domains: split the domains on a
 * variable where the first box that meets them falls short, into the part
 * inside it and the part outside, until one box holds a part whole or none meets it.
 */
function covered(domains: Domains, boxes: readonly Box[], budget: { left: number }): boolean {
  const meeting = boxes.filter((a) => [...a.vars].every(([name, allowed]) => some(domains.get(name), allowed)));
  const first = meeting[0];
  if (!first) return false;
  const short = [...first.vars].find(([name, allowed]) => !every(domains.get(name), allowed));
  if (!short) return true;
  if (--budget.left < 0) return false;
  const [name, allowed] = short;
  const values = [...(domains.get(name) ?? [])];
  const inside = new Map(domains).set(name, new Set(values.filter((v) => allowed.has(v))));
  const outside = new Map(domains).set(name, new Set(values.filter((v) => !allowed.has(v))));
  return covered(inside, meeting, budget) && covered(outside, meeting.slice(1), budget);
}

const some = (values: ReadonlySet<string> | undefined, allowed: ReadonlySet<string>) =>
  values !== undefined && [...values].some((v) => allowed.has(v));
const every = (values: ReadonlySet<string> | undefined, allowed: ReadonlySet<string>) =>
  values !== undefined && [...values].every((v) => allowed.has(v));
