import type { ReactNode } from 'react';

/**
 * A wide table's box, scrolled sideways on a phone. It takes keyboard focus,
 * so a reader without a pointer can scroll it too (axe: scrollable-region-focusable),
 * and is a region named like its table, as the size guide's tables are.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must take focus to be scrolled by keyboard.
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
