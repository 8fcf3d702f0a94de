// `npm run bench`: Loupe's decisions per second over each shop's worked cases, then
// Aulso's rules four ways (Loupe, json-rules-engine, ZEN, hand-written); then the
// desk (bench/desk/run.ts): creating a return case over HTTP beside pgbench;
// then the import (bench/import/run.ts): `loupe import orders` beside COPY;
// then the web app (bench/web/run.ts): the order page's JS and time to usable beside the policy page.
// Progress goes to stderr; the tables and the ratio lines to stdout and
// BENCHMARKS.md, the ratio lines last. `--engine-only` skips the desk and the
// import; BENCH_ONLY=engine, desk, import or web (comma-separated) runs only those.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Case } from '../src/domain/contract/case.schema.ts';
import { decideAulsoByHand } from './aulso/hand-written.ts';
import { aulsoMix, type NamedCase } from './cases.ts';
import { runDeskBench } from './desk/run.ts';
import { runImportBench } from './import/run.ts';
import { bundledPolicy, comparable, decide } from './loupe.ts';
import { type Measurement, machineInfo, ratio, table, writeBenchmarksSection } from './report.ts';
import { TARGETS } from './targets.ts';
import { runWebBench } from './web/run.ts';

const BENCHMARKS_MD = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const MEASURE_ONE = fileURLToPath(new URL('./measure-one.ts', import.meta.url));
const progress = (line: string) => process.stderr.write(`${line}\n`);
const notes: string[] = [];

/** Times one target in a fresh Node process, so no implementation runs on a JIT shaped by another. */
function measure(id: string, index: number): Measurement {
  const target = TARGETS.find((t) => t.id === id);
  progress(`[${index + 1}/${TARGETS.length}] ${target?.group} / ${target?.name} (${target?.cases} cases)...`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', MEASURE_ONE, id], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const m = JSON.parse(out.trim().split('\n').pop() as string) as Measurement;
  progress(`  ${Math.round(m.decisionsPerSecond).toLocaleString('en-US')} decisions/s`);
  return m;
}

function disagreeing(mix: NamedCase[], a: (c: Case) => unknown, b: (c: Case) => unknown): NamedCase[] {
  return mix.filter(({ case: c }) => JSON.stringify(a(c)) !== JSON.stringify(b(c)));
}

/** Notes when Loupe and the hand-written function disagree on the mix: then the race would not be fair. */
function checkAgreement(): void {
  const policy = bundledPolicy('aulso');
  if (!policy) return;
  const mix = aulsoMix();
  const pick = (d: Parameters<typeof comparable>[0]) => {
    const { outcome, resolutions } = comparable(d);
    return { outcome, resolutions };
  };
  const differ = disagreeing(
    mix,
    (c) => pick(decide(policy, c)),
    (c) => pick(decideAulsoByHand(c)),
  );
  if (differ.length > 0) {
    notes.push(
      `Aulso: Loupe's outcome or remedies differ from the comparison implementations on ${differ.length} of ${mix.length} cases ` +
        `(\`npx vitest run bench/\` lists them): ${differ.map((d) => d.name).join('; ')}.`,
    );
  }
}

const METHOD = `Each implementation is timed in its own Node process (bench/measure-one.ts), so
none runs on a JIT or heap shaped by another. Each sample is one pass over a mix of parsed cases, deciding every case once in
order (async implementations awaited one case at a time); decisions/s = cases per
pass / mean pass time. The scenario mixes are shared/scenarios/<shop>.json. The
Aulso mix is aulso.json plus generated variants (reasons x moments across the
72-hour and 30-day windows, conditions, request types, payment, return shipments,
missing and per-line deliveries, mixed lines) in which every Aulso rule fires.
json-rules-engine runs once per line (one rule per priority, stopping at the first
success); ZEN evaluates one JDM decision table per case, looped over its lines.
Both get flat facts whose preparation (line selection, the Hong Kong 30-day
flag, hours since delivery) runs inside the timed function, as the hand-written
function and Loupe do their own; all four use the same zone arithmetic
(src/domain/calendar/zoned-time.ts). The comparison implementations compute
outcome, remedies and who pays the return per line, folded by one shared
function; the row "Loupe's engine" computes the same from Loupe's compiled
policy and is the one the ratio lines compare. "Loupe's engine, whole decision"
is the full contract answer (money, deadlines on the shop's business calendar,
quoted reasons with their details), for what that costs on top.`;

const SECTIONS = ['engine', 'desk', 'import', 'web'] as const;
type Section = (typeof SECTIONS)[number];

/** The sections to run: BENCH_ONLY (e.g. `import`, or `desk,import`), else all; `--engine-only`: the engine's. */
function sectionsToRun(): Set<Section> {
  if (process.argv.includes('--engine-only')) return new Set(['engine']);
  const only = process.env.BENCH_ONLY?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!only?.length) return new Set(SECTIONS);
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`BENCH_ONLY: ${unknown.join(', ')} is not one of ${SECTIONS.join(', ')}`);
  return new Set(only as Section[]);
}

/** The desk's and the import's sections, as chosen; their summary lines after the engine's. */
async function runDatabaseSections(sections: Set<Section>, summary: string[]): Promise<void> {
  const figures: string[] = [];
  const lines = [...summary];
  try {
    if (sections.has('desk')) {
      const desk = await runDeskBench();
      figures.push(desk.figures);
      lines.push(desk.summary);
    }
    if (sections.has('import')) {
      const imported = await runImportBench();
      figures.push(imported.figures);
      lines.push(imported.summary);
    }
    if (sections.has('web')) {
      const web = await runWebBench();
      figures.push(web.figures);
      lines.push(web.summary);
    }
  } finally {
    console.log([...figures, lines.join('\n')].filter(Boolean).join('\n\n'));
  }
}

async function main() {
  const sections = sectionsToRun();
  if (!sections.has('engine')) {
    await runDatabaseSections(sections, []);
    return;
  }
  const machine = machineInfo();
  progress(`bench: ${machine}`);
  checkAgreement();
  const rows = TARGETS.map((t, i) => measure(t.id, i));
  const byId = (id: string) => rows[TARGETS.findIndex((t) => t.id === id)] as Measurement;
  const [loupe, jre, zen, hand] = ['aulso:loupe', 'aulso:json-rules-engine', 'aulso:zen', 'aulso:hand-written'].map(
    byId,
  ) as [Measurement, Measurement, Measurement, Measurement];
  const summary = [
    `engine vs json-rules-engine: ${ratio(loupe, jre)}`,
    `engine vs zen-engine: ${ratio(loupe, zen)}`,
    `engine vs hand-written: ${ratio(loupe, hand)}`,
  ];
  const x = (a: Measurement, b: Measurement) => a.decisionsPerSecond / b.decisionsPerSecond;
  const targets = [
    `at least 20x json-rules-engine: ${x(loupe, jre) >= 20 ? 'met' : 'not met'}`,
    `ahead of ZEN: ${x(loupe, zen) > 1 ? 'met' : 'not met'}`,
    `within 2x of hand-written: ${x(loupe, hand) >= 0.5 ? 'met' : 'not met'}`,
  ];
  const figures = `${table(rows)}\n\nTargets from the issue: ${targets.join('; ')}.`;
  writeBenchmarksSection(
    BENCHMARKS_MD,
    [
      `## Latest run\n\nMachine: ${machine}.`,
      METHOD,
      figures,
      ...(notes.length ? [notes.map((n) => `- ${n}`).join('\n')] : []),
      `\`\`\`\n${summary.join('\n')}\n\`\`\``,
    ].join('\n\n'),
  );
  progress(`wrote ${BENCHMARKS_MD}`);
  for (const n of notes) progress(`note: ${n}`);
  console.log(`Machine: ${machine}\n\n${figures}\n`);
  await runDatabaseSections(sections, summary);
}

await main();
