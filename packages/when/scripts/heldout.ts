/**
 * Scores the resolver and chrono-node on the held-out set (`heldout/cases.json`): phrases written
 * by someone who had not seen the resolver's code or golden table, from the README's rules only.
 * Exact-minute match of the local wall time (null must be null), per language and per category.
 *
 *   pnpm --filter @followups/when heldout [--set cases|second] [--misses] [--json]
 */
import { readFileSync } from 'node:fs';
import type { GoldenCase } from '../golden/case.js';
import { wallTime } from '../golden/wall-time.js';
import { resolveWhen } from '../src/index.js';
import { chronoAsIs, chronoWithOurDefaults, type Resolver } from './chrono-setups.js';

interface HeldOutCase {
  text: string;
  now: string;
  tz: string;
  expected: string | null;
  lang: 'ru' | 'en';
  category: string;
}

/** `--set second` scores the second set (heldout/second.json), written later by another writer with no list of categories. */
const setArg = process.argv.indexOf('--set');
const setName = setArg === -1 ? 'cases' : (process.argv[setArg + 1] ?? 'cases');
const cases = JSON.parse(readFileSync(new URL(`../heldout/${setName}.json`, import.meta.url), 'utf8')) as HeldOutCase[];
const asGolden = (c: HeldOutCase): GoldenCase => ({ text: c.text, now: c.now, tz: c.tz, expected: c.expected, note: c.category, lang: c.lang });
const resolvers: [string, Resolver][] = [
  ['ours', (c, now) => resolveWhen(c.text, now, c.tz)],
  ['chrono', chronoAsIs],
  ['chrono+defaults', chronoWithOurDefaults],
];

const results = resolvers.map(([name, resolve]) => {
  const misses: { c: HeldOutCase; got: string | null }[] = [];
  for (const c of cases) {
    const got = wallTime(resolve(asGolden(c), new Date(c.now)), c.tz);
    if (got !== c.expected) misses.push({ c, got });
  }
  const hits = (lang?: string) => cases.filter((c) => !lang || c.lang === lang).length - misses.filter((m) => !lang || m.c.lang === lang).length;
  return { name, misses, hits };
});

const pct = (n: number, of: number) => `${n}/${of} ${((100 * n) / of).toFixed(1)}%`;
const count = (lang?: string) => cases.filter((c) => !lang || c.lang === lang).length;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results.map((r) => ({ resolver: r.name, ru: r.hits('ru'), en: r.hits('en'), overall: r.hits(), of: cases.length }))));
} else {
  console.log(`held-out set: ${cases.length} cases (ru ${count('ru')}, en ${count('en')}, null ${cases.filter((c) => c.expected === null).length})`);
  for (const r of results) console.log(`${r.name.padEnd(16)} ru ${pct(r.hits('ru'), count('ru')).padEnd(16)} en ${pct(r.hits('en'), count('en')).padEnd(16)} overall ${pct(r.hits(), cases.length)}`);
}
if (process.argv.includes('--misses')) {
  const ours = results[0]!;
  const byCategory = new Map<string, number>();
  for (const m of ours.misses) byCategory.set(m.c.category, (byCategory.get(m.c.category) ?? 0) + 1);
  console.log(`\nours misses ${ours.misses.length}, by category: ${[...byCategory].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const { c, got } of ours.misses) console.log(`  [${c.category}] ${c.tz} ${c.now.slice(0, 16)}Z ${JSON.stringify(c.text)}: want ${c.expected}, got ${got}`);
}
