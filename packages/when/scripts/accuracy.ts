/**
 * Measures the resolver against the golden table, next to chrono-node, by exact-minute match of
 * the local wall time (null must be null). Prints accuracy per language and overall, and the
 * time per call. `--misses <name>` lists one resolver's misses (ours | chrono | chrono+defaults).
 *
 *   pnpm --filter @followups/when accuracy [--misses chrono]
 */
import { cpus } from 'node:os';
import { goldenCases, type GoldenCase } from '../golden/index.js';
import { wallTime } from '../golden/wall-time.js';
import { resolveWhen } from '../src/index.js';
import { chronoAsIs, chronoWithOurDefaults, type Resolver } from './chrono-setups.js';

const resolvers: [name: string, resolve: Resolver][] = [
  ['ours', (c, now) => resolveWhen(c.text, now, c.tz)],
  ['chrono', chronoAsIs],
  ['chrono+defaults', chronoWithOurDefaults],
];
const LANGS = ['ru', 'en', 'neutral'] as const;
const nows = goldenCases.map((c) => new Date(c.now));

/** The issue's own worked examples: written before this resolver, so the least biased subset. */
const fromIssue = (c: GoldenCase) => c.note.startsWith('issue example');

function score(resolve: Resolver) {
  const misses: { c: GoldenCase; got: string | null }[] = [];
  const hits = { ru: 0, en: 0, neutral: 0, issue: 0 };
  goldenCases.forEach((c, i) => {
    const got = wallTime(resolve(c, nows[i]!), c.tz);
    if (got !== c.expected) return void misses.push({ c, got });
    hits[c.lang]++;
    if (fromIssue(c)) hits.issue++;
  });
  return { hits, misses };
}

/**
 * Microseconds per call: the best of several rounds of whole passes over the table, after a
 * warm-up, so a busy machine (tests running beside it) disturbs the number least.
 */
function microsPerCall(resolve: Resolver): number {
  const pass = () => goldenCases.forEach((c, i) => resolve(c, nows[i]!));
  for (let k = 0; k < 5; k++) pass();
  const passes = 10;
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let k = 0; k < passes; k++) pass();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1000 / (passes * goldenCases.length));
  }
  return best;
}

const totals = Object.fromEntries(LANGS.map((l) => [l, goldenCases.filter((c) => c.lang === l).length])) as Record<(typeof LANGS)[number], number>;
const pct = (n: number, of: number) => `${n}/${of} ${((100 * n) / of).toFixed(1)}%`.padEnd(16);
const zones = [...new Set(goldenCases.map((c) => c.tz))].join(', ');

console.log(`golden table: ${goldenCases.length} cases (ru ${totals.ru}, en ${totals.en}, neutral ${totals.neutral}); zones: ${zones}`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} ×${cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log(`${'resolver'.padEnd(17)}${'ru'.padEnd(16)}${'en'.padEnd(16)}${'neutral'.padEnd(16)}${'overall'.padEnd(16)}${'issue examples'.padEnd(16)}µs/call`);
const results = new Map<string, ReturnType<typeof score>>();
for (const [name, resolve] of resolvers) {
  const r = score(resolve);
  results.set(name, r);
  const all = LANGS.reduce((n, l) => n + r.hits[l], 0);
  const cells = LANGS.map((l) => pct(r.hits[l], totals[l])).join('');
  const issue = pct(r.hits.issue, goldenCases.filter(fromIssue).length);
  console.log(`${name.padEnd(17)}${cells}${pct(all, goldenCases.length)}${issue}${microsPerCall(resolve).toFixed(1)}`);
}

const asked = process.argv.indexOf('--misses');
if (asked !== -1) {
  const name = process.argv[asked + 1] ?? 'ours';
  const r = results.get(name);
  if (!r) throw new Error(`--misses takes one of ${resolvers.map(([n]) => n).join(', ')}`);
  console.log(`\n${name} misses ${r.misses.length}:`);
  for (const { c, got } of r.misses) console.log(`  [${c.lang}] ${c.tz} ${c.now.slice(0, 16)}Z ${JSON.stringify(c.text)}: want ${c.expected}, got ${got}  (${c.note})`);
}
