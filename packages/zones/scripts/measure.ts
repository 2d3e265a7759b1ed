/**
 * Measures what the README reports: the one-time load of the city table, the memory it keeps,
 * the cost of a lookup, and the hit rate on the mention list. A hit is the expected zone, or
 * another zone that keeps the same clock all year (GeoNames files Hanoi under Asia/Bangkok).
 *
 *   pnpm --filter @followups/zones measure        (node --expose-gc gives exact heap numbers)
 */
import { findZoneMention, preloadZones, zoneOfPlace } from '../src/index.js';
import { MENTIONS } from '../src/mentions.fixture.js';

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage();
};

const before = heap();
let t = performance.now();
preloadZones();
const loadMs = performance.now() - t;
findZoneMention('я в Москве'); // country names and the first zone checks
const after = heap();

const clock = (zone: string) =>
  [0, 6].map((m) => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).format(new Date(Date.UTC(2026, m, 15)))).join();
let hits = 0;
let exact = 0;
const misses: string[] = [];
for (const [text, want] of MENTIONS) {
  const got = findZoneMention(text)?.timeZone ?? null;
  if (got === want) exact++;
  if (want === null ? got === null : got !== null && clock(got) === clock(want)) hits++;
  else misses.push(`${text} → ${got} (want ${want})`);
}

const ROUNDS = 20;
t = performance.now();
for (let r = 0; r < ROUNDS; r++) for (const [text] of MENTIONS) findZoneMention(text);
const findUs = ((performance.now() - t) / (ROUNDS * MENTIONS.length)) * 1000;
const long = 'Добрый день! Спасибо за презентацию, мы посмотрели цены. Я из Москвы, но сейчас в командировке, напишите, пожалуйста, в четверг после обеда, обсудим детали договора.';
t = performance.now();
for (let r = 0; r < 1000; r++) findZoneMention(long);
const longUs = (performance.now() - t) / 1000 * 1000;
t = performance.now();
for (let r = 0; r < 10_000; r++) zoneOfPlace('Новосибирск');
const placeUs = (performance.now() - t) / 10_000 * 1000;

const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
console.log(`load (first use): ${loadMs.toFixed(0)} ms`);
console.log(`memory kept: heap +${mb(after.heapUsed - before.heapUsed)}, rss +${mb(after.rss - before.rss)}${gc ? '' : ' (run with --expose-gc for exact heap)'}`);
console.log(`findZoneMention: ${findUs.toFixed(1)} µs per mention, ${longUs.toFixed(1)} µs for a 160-character message; zoneOfPlace: ${placeUs.toFixed(1)} µs`);
console.log(`hit rate: ${hits}/${MENTIONS.length} (${((100 * hits) / MENTIONS.length).toFixed(1)}%), exact zone id ${exact}/${MENTIONS.length}`);
for (const m of misses) console.log(`  miss: ${m}`);
