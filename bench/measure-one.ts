// Measures one benchmark target in this process and prints its Measurement as
// JSON on stdout. bench/run.ts starts one process per target, so every
// implementation is timed with a fresh JIT and heap, none shaped by another's run.
import { Bench } from 'tinybench';
import type { Measurement } from './report.ts';
import { readSink, TARGETS } from './targets.ts';

const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 2000);

const id = process.argv[2];
const target = TARGETS.find((t) => t.id === id);
if (!target) {
  process.stderr.write(`unknown target ${id}; known: ${TARGETS.map((t) => t.id).join(', ')}\n`);
  process.exit(2);
}
const { pass, dispose } = await target.prepare();
const bench = new Bench({ time: TIME_MS, warmupTime: TIME_MS / 4, throws: true });
bench.add(target.name, pass);
await bench.run();
dispose?.();
const result = bench.tasks[0]?.result;
if (!result) throw new Error(`${target.name} gave no result`);
const passMs = result.latency.mean;
const m: Measurement = {
  group: target.group,
  name: target.name,
  cases: target.cases,
  decisionsPerSecond: (target.cases * 1000) / passMs,
  microsPerDecision: (passMs * 1000) / target.cases,
  rme: result.latency.rme,
  samples: result.latency.samples.length,
};
process.stdout.write(`${JSON.stringify({ ...m, sink: readSink() })}\n`);
