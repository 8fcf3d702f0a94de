import type { ReactNode } from 'react';

/** The region is named by a label, or by the id of an element naming it (the table's caption). */
type Naming = { label: string } | { labelledBy: string };

/**
 * A wide table's box, scrolled sideways on a phone. It takes keyboard focus,
 * so a reader without a pointer can scroll it too (axe: scrollable-region-focusable),
 * and is a region named like its table.
 */
export function TableScroll(props: Naming & { children: ReactNode }) {
  const naming = 'label' in props ? { 'aria-label': props.label } : { 'aria-labelledby': props.labelledBy };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must take focus to be scrolled by keyboard.
    <section className="table-scroll" {...naming} tabIndex={0}>
      {props.children}
    </section>
  );
}
