// `npm run bench`: Loupe's decisions per second over each shop's worked cases, then
// Aulso's rules four ways (Loupe, json-rules-engine, ZEN, hand-written). Progress
// goes to stderr; the table and the ratio lines to stdout and BENCHMARKS.md.
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import type { Case } from '../src/domain/contract/case.schema.ts';
import { decideAulsoByHand } from './aulso/hand-written.ts';
import { createJsonRulesEngineAulso } from './aulso/json-rules-engine.ts';
import { createZenAulso } from './aulso/zen.ts';
import { aulsoMix, type NamedCase, SHOPS, scenarioCases } from './cases.ts';
import { bundledPolicy, comparable, decide, loupeRulesAnswer } from './loupe.ts';
import { type Measurement, machineInfo, ratio, table, writeBenchmarksSection } from './report.ts';

const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 2000);
const BENCHMARKS_MD = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const progress = (line: string) => process.stderr.write(`${line}\n`);
const notes: string[] = [];
// Results feed this sum so that no engine's work can be optimised away.
let sink = 0;

/** Times passes over a mix; one pass decides every case once, in order, awaiting each. */
async function measure(group: string, name: string, cases: number, pass: () => unknown): Promise<Measurement> {
  progress(`running ${group} / ${name} (${cases} cases, ${TIME_MS} ms)...`);
  const bench = new Bench({ time: TIME_MS, warmupTime: TIME_MS / 4, throws: true });
  bench.add(name, pass);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result) throw new Error(`${name} gave no result`);
  const passMs = result.latency.mean;
  const m = {
    group,
    name,
    cases,
    decisionsPerSecond: (cases * 1000) / passMs,
    microsPerDecision: (passMs * 1000) / cases,
    rme: result.latency.rme,
    samples: result.latency.samples.length,
  };
  progress(`  ${Math.round(m.decisionsPerSecond)} decisions/s`);
  return m;
}

async function shopMixes(): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const shop of SHOPS) {
    const policy = bundledPolicy(shop);
    if (!policy) {
      notes.push(`${shop}: no policies/${shop}.yaml yet, not measured.`);
      continue;
    }
    const cases = scenarioCases(shop).filter(({ name, case: c }) => {
      try {
        decide(policy, c);
        return true;
      } catch (err) {
        notes.push(`${shop}: "${name}" left out of the mix, Loupe threw: ${(err as Error).message}`);
        return false;
      }
    });
    const list = cases.map((n) => n.case);
    out.push(
      await measure('scenario mix', `Loupe: ${shop}`, list.length, () => {
        for (const c of list) sink += decide(policy, c).lines.length;
      }),
    );
  }
  return out;
}

function disagreeing(mix: NamedCase[], a: (c: Case) => unknown, b: (c: Case) => unknown): NamedCase[] {
  return mix.filter(({ case: c }) => JSON.stringify(a(c)) !== JSON.stringify(b(c)));
}

async function aulsoFourWays(): Promise<Measurement[]> {
  const policy = bundledPolicy('aulso');
  if (!policy) throw new Error('policies/aulso.yaml is missing: the comparison needs Loupe reading Aulso');
  const mix = aulsoMix();
  const list = mix.map((n) => n.case);
  const jre = createJsonRulesEngineAulso();
  const zen = createZenAulso();
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
  const group = `Aulso mix`;
  const rows = [
    await measure(group, "Loupe's engine, whole decision", list.length, () => {
      for (const c of list) sink += decide(policy, c).lines.length;
    }),
    await measure(group, "Loupe's engine", list.length, () => {
      for (const c of list) sink += loupeRulesAnswer(policy, c).lines.length;
    }),
    await measure(group, 'json-rules-engine', list.length, async () => {
      for (const c of list) sink += (await jre(c)).lines.length;
    }),
    await measure(group, 'GoRules ZEN', list.length, async () => {
      for (const c of list) sink += (await zen.decide(c)).lines.length;
    }),
    await measure(group, 'hand-written TypeScript', list.length, () => {
      for (const c of list) sink += decideAulsoByHand(c).lines.length;
    }),
  ];
  zen.dispose();
  return rows;
}

const METHOD = `Each sample is one pass over a mix of parsed cases, deciding every case once in
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

async function main() {
  const machine = machineInfo();
  progress(`bench: ${machine}`);
  const rows = [...(await shopMixes()), ...(await aulsoFourWays())];
  const [loupe, jre, zen, hand] = rows.slice(-4) as [Measurement, Measurement, Measurement, Measurement];
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
  progress(`wrote ${BENCHMARKS_MD} (checksum ${sink})`);
  for (const n of notes) progress(`note: ${n}`);
  console.log(`Machine: ${machine}\n\n${figures}\n\n${summary.join('\n')}`);
}

await main();
