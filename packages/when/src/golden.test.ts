import { describe, expect, it } from 'vitest';
import { goldenCases, type GoldenCase } from '../golden/index.js';
import { wallTime } from '../golden/wall-time.js';
import { resolveWhen } from './index.js';

const label = (c: GoldenCase) => `${c.tz} ${c.now.slice(0, 16)}Z  ${JSON.stringify(c.text)} → ${c.expected ?? 'null'}  (${c.note})`;

describe(`golden table (${goldenCases.length} cases)`, () => {
  it('is large and varied enough to mean something', () => {
    expect(goldenCases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(goldenCases.map((c) => c.tz)).size).toBeGreaterThanOrEqual(3);
    for (const lang of ['ru', 'en', 'neutral'] as const) expect(goldenCases.filter((c) => c.lang === lang).length).toBeGreaterThan(10);
    expect(goldenCases.filter((c) => c.expected === null).length).toBeGreaterThan(20);
  });

  it.each(goldenCases.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const got = wallTime(resolveWhen(c.text, new Date(c.now), c.tz), c.tz);
    // The message names the case in full, so a failure reads without opening the table.
    expect(got, `${JSON.stringify(c.text)} in ${c.tz} at ${c.now}: ${c.note}`).toBe(c.expected);
  });
});
