// The import benchmark's section of BENCHMARKS.md, from its measurements: a
// pure function, so its wording and the summary line are tested.

/** One size measured: the import through `loupe import orders` and COPY of the same rows. */
export type ImportRun = {
  orders: number;
  lines: number;
  parcels: number;
  customers: number;
  /** Size of the JSON Lines file. */
  megabytes: number;
  importSeconds: number;
  copySeconds: number;
  /** Peak resident memory of the importing process; undefined when it could not be read. */
  maxRssBytes: number | undefined;
  /** The same import again with V8's old generation capped (`--max-old-space-size`): is the growth kept or only allowed? */
  capped?: { heapMb: number; seconds: number; maxRssBytes: number | undefined };
};

export type ImportSectionInput = { machine: string; load: string[]; origin: string; runs: ImportRun[] };

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const mb = (bytes: number | undefined) => (bytes === undefined ? '-' : `${fmt.format(bytes / 2 ** 20)} MB`);
const perSecond = (n: number, seconds: number) => n / seconds;

/** The target from the issue: the import at least this share of COPY's orders per second. */
export const IMPORT_TARGET_PERCENT = 25;

/**
 * The section's Markdown, the table and notes alone (`figures`), and the
 * summary line `import vs copy: N%`, taken at the largest size measured.
 */
export function importSection(input: ImportSectionInput): { body: string; figures: string; summary: string } {
  const runs = [...input.runs].sort((a, b) => a.orders - b.orders);
  const largest = runs.at(-1);
  if (!largest) throw new Error('the import benchmark measured nothing');
  const share = (r: ImportRun) => (100 * perSecond(r.orders, r.importSeconds)) / perSecond(r.orders, r.copySeconds);
  const table = [
    '| orders | lines | parcels | file | loupe import orders/s | COPY orders/s | import vs COPY | import s | COPY s | import peak RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (r) =>
        `| ${fmt.format(r.orders)} | ${fmt.format(r.lines)} | ${fmt.format(r.parcels)} | ${fmt.format(r.megabytes)} MB | ` +
        `${fmt.format(perSecond(r.orders, r.importSeconds))} | ${fmt.format(perSecond(r.orders, r.copySeconds))} | ` +
        `${share(r).toFixed(1)}% | ${r.importSeconds.toFixed(1)} | ${r.copySeconds.toFixed(1)} | ${mb(r.maxRssBytes)} |`,
    ),
  ].join('\n');
  const memory = runs.map((r) => `${fmt.format(r.orders)} orders: ${mb(r.maxRssBytes)}`).join('; ');
  const cappedRuns = runs.filter((r) => r.capped);
  const capped = cappedRuns
    .map((r) => `${fmt.format(r.orders)} orders: ${mb(r.capped?.maxRssBytes)} in ${r.capped?.seconds.toFixed(1)} s`)
    .join('; ');
  const met = share(largest) >= IMPORT_TARGET_PERCENT;
  const figures = [
    table,
    `Target from the issue: the import at least ${IMPORT_TARGET_PERCENT}% of COPY's orders/s at ` +
      `${fmt.format(largest.orders)} orders: ${met ? 'met' : 'not met'} (${share(largest).toFixed(1)}%).`,
    `Peak resident memory of the importing process: ${memory}.` +
      (capped
        ? ` The same imports with V8's old generation capped at ${cappedRuns[0]?.capped?.heapMb} MB ` +
          `(\`node --max-old-space-size\`): ${capped}. What grows with the file is heap V8 allows itself, not data the import keeps.`
        : ''),
  ].join('\n\n');
  const summary = `import vs copy: ${Math.round(share(largest))}%`;
  const method = `PostgreSQL: ${input.origin}.

The file is N generated Shopify orders (bench/import/shopify-orders-file.ts), the REST Admin
order object one a line (JSON Lines), written as generated: 1–3 line items (an engraving property
on some), about three orders a customer, a discount code on a quarter, a successful fulfillment
with tracking on two thirds (two parcels on some). The real path imports it: \`node bin/loupe.js
import orders FILE --shop aulso --url …\` in a child process, on a database migrated just before
(\`loupe db migrate\`), timed from spawn to exit (Node start, policy sync, reading, mapping,
storing). Its peak resident memory is the child's own \`process.resourceUsage().maxRSS\` (the
kernel's VmHWM), written at exit by a module preloaded with \`--import\`. The ceiling is psql's
\`\\copy … with (format csv)\` of the same rows, as the import stores them (customers, orders,
lines, outbound parcels, through the import's own mapping, so the same values), in one
transaction, into tables made \`like\` Loupe's \`including all\` (same columns, checks, keys and
indexes; no foreign keys) in a database of its own on the same server, timed from psql's spawn to
its exit; the CSV is written beside the JSON, not timed. The import also writes one audit entry
an order, which COPY does not. After each run the rows stored are counted against the file.
Orders/s = orders / seconds; the summary line is the largest size's.`;
  const body = [
    `## Import: Shopify orders through \`loupe import orders\`, beside COPY\n\nMachine: ${input.machine}; load average ${input.load.join(' / ')} (1 / 5 / 15 min) when the import run began.`,
    method,
    figures,
    `\`\`\`\n${summary}\n\`\`\``,
  ].join('\n\n');
  return { body, figures, summary };
}
