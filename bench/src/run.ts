/**
 * `pnpm bench [--peers] [--only burst,spread,ingest,cancel,claim] [--scale S] [--json FILE]`
 *
 * The workloads of issue 9 against the stack as `pnpm start` runs it (a scheduler and a dispatcher
 * as processes, the sandbox transport, a nats-server and a database of their own per workload)
 * and, with --peers, against graphile-worker (local Postgres) and BullMQ (local Redis) on the same
 * workloads, one after another in the same run. Prints a Markdown table with each figure's ratio
 * to the best peer, and where the stack's time goes; writes the figures as JSON.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { claimScale, type ClaimScaleResult } from './claim-scale.js';
import { followupsSystem } from './followups.js';
import { bullmqSystem } from './peers/bullmq.js';
import { graphileSystem } from './peers/graphile.js';
import type { System } from './workloads.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const scale = Number(value('scale') ?? process.env.BENCH_SCALE ?? 1);
const only = new Set((value('only') ?? 'burst,spread,ingest,cancel,claim').split(','));
const jsonFile = value('json') ?? 'bench/results/latest.json';
const systems: System[] = [followupsSystem, ...(flag('peers') ? [graphileSystem, bullmqSystem] : [])];

const n = (x: number) => Math.max(1, Math.round(x * scale));
const sizes = { burst: [n(10_000), n(100_000)], spread: n(300), spreadMs: 30_000, ingest: n(20_000), cancelTotal: n(10_000), cancelled: n(5_000) };

type Row = { metric: string; better: 'lower' | 'higher'; values: Record<string, number | string> };
const rows: Row[] = [];
const stages: Record<string, unknown> = {};
const row = (metric: string, better: Row['better']) => {
  const r: Row = { metric, better, values: {} };
  rows.push(r);
  return r;
};

const say = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

for (const system of systems) {
  say(`\n== ${system.name}`);
  if (only.has('burst')) {
    for (const size of sizes.burst) {
      say(`  ${size} due at one instant`);
      const r = await system.burst(size);
      row(`${fmt(size)} due at one instant: last delivered after T (ms)`, 'lower').values[system.name] = Math.round(r.lastAfterMs);
      row(`${fmt(size)} due at one instant: CPU per delivered, whole machine (ms)`, 'lower').values[system.name] = Number(r.cpuMsPerItem.toFixed(3));
      row(`${fmt(size)} due at one instant: delivered twice`, 'lower').values[system.name] = r.duplicates;
      if (r.stages) stages[`${system.name}, ${size} due at once`] = r.stages;
    }
  }
  if (only.has('spread')) {
    say(`  ${sizes.spread} spread over ${sizes.spreadMs / 1000} s`);
    const r = await system.spread(sizes.spread, sizes.spreadMs);
    row(`${sizes.spread} spread over ${sizes.spreadMs / 1000} s: lateness p50 (ms)`, 'lower').values[system.name] = r.p50;
    row(`${sizes.spread} spread over ${sizes.spreadMs / 1000} s: lateness p99 (ms)`, 'lower').values[system.name] = r.p99;
    row(`${sizes.spread} spread over ${sizes.spreadMs / 1000} s: lateness max (ms)`, 'lower').values[system.name] = r.max;
  }
  if (only.has('ingest')) {
    say(`  ingest ${sizes.ingest}`);
    const r = await system.ingest(sizes.ingest);
    row(`ingest ${fmt(sizes.ingest)}: acknowledged per second`, 'higher').values[system.name] = r.ackedPerSecond;
    row(`ingest ${fmt(sizes.ingest)}: stored per second`, 'higher').values[system.name] = r.storedPerSecond;
  }
  if (only.has('cancel')) {
    say(`  cancel ${sizes.cancelled} of ${sizes.cancelTotal}`);
    const r = await system.cancel(sizes.cancelTotal, sizes.cancelled);
    row(`${fmt(sizes.cancelled)} of ${fmt(sizes.cancelTotal)} cancelled by a client message each: per second`, 'higher').values[system.name] = r.perSecond;
    row(`… all applied after the last cancel was acknowledged (ms)`, 'lower').values[system.name] = r.appliedAfterLastMs;
    row(`… cancelled that still ran`, 'lower').values[system.name] = r.ranAfterCancel;
  }
}

let claims: ClaimScaleResult[] = [];
if (only.has('claim')) {
  say('\n== the scheduler\'s claim beside many pending not due yet');
  claims = await claimScale([n(10_000), n(100_000), n(1_000_000)]);
}

const [ours, ...peers] = systems.map((s) => s.name);
const ratio = (r: Row) => {
  const mine = Number(r.values[ours!]);
  const theirs = peers.map((p) => Number(r.values[p])).filter((v) => Number.isFinite(v) && v > 0);
  if (!theirs.length || !(mine > 0)) return '';
  const best = r.better === 'lower' ? Math.min(...theirs) : Math.max(...theirs);
  const x = r.better === 'lower' ? mine / best : best / mine; // > 1: the best peer does better
  return x >= 1 ? `×${x.toFixed(1)} worse` : `×${(1 / x).toFixed(1)} better`;
};
// One row per metric, every system's figure in it (each system appended rows of its own).
const merged = rows.reduce<Row[]>((acc, r) => {
  const same = acc.find((a) => a.metric === r.metric);
  if (same) Object.assign(same.values, r.values);
  else acc.push({ ...r, values: { ...r.values } });
  return acc;
}, []);
const header = ['workload', ...systems.map((s) => s.name), ...(peers.length ? ['followups vs best peer'] : [])];
const table = [
  `| ${header.join(' | ')} |`,
  `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
  ...merged
    .map((r) => `| ${r.metric} | ${systems.map((s) => (typeof r.values[s.name] === 'number' ? fmt(r.values[s.name] as number, String(r.values[s.name]).includes('.') ? 3 : 0) : '—')).join(' | ')}${peers.length ? ` | ${ratio(r)}` : ''} |`),
];
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, scale ${scale}`;
process.stdout.write(`\n${machine}\n\n${table.join('\n')}\n`);
for (const [what, s] of Object.entries(stages)) {
  process.stdout.write(`\nwhere the time goes — ${what} (ms, p50 / p99):\n`);
  for (const [stage, v] of Object.entries(s as Record<string, { p50: number; p99: number }>)) process.stdout.write(`  ${stage}: ${v.p50} / ${v.p99}\n`);
}
if (claims.length) {
  process.stdout.write(`\nthe scheduler's claim of 1,000 due rows beside pending ones not due yet (median of 5):\n${claims.map((c) => `  ${fmt(c.pendingNotDue)} pending: ${c.claimMsPer1000} ms`).join('\n')}\nits plan at ${fmt(claims[claims.length - 1]!.pendingNotDue)}:\n${claims[claims.length - 1]!.plan.replace(/^/gm, '    ')}\n`);
}
writeFileSync(jsonFile, `${JSON.stringify({ at: new Date().toISOString(), machine, sizes, rows: merged, stages, claims }, null, 2)}\n`);
say(`\nfigures written to ${jsonFile}`);
process.exit(0);
