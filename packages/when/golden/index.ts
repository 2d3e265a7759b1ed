import { berlin } from './berlin.js';
import type { GoldenCase } from './case.js';
import { dates } from './dates.js';
import { days } from './days.js';
import { issueExamples } from './issue-examples.js';
import { newYork } from './new-york.js';
import { offsets } from './offsets.js';
import { otherMoments } from './other-moments.js';
import { sentences } from './sentences.js';
import { times } from './times.js';

export type { GoldenCase } from './case.js';

/** Every golden case: the resolver must give exactly these; scripts/accuracy.ts measures chrono-node on them too. */
export const goldenCases: GoldenCase[] = [
  ...issueExamples,
  ...offsets,
  ...days,
  ...times,
  ...dates,
  ...sentences,
  ...otherMoments,
  ...berlin,
  ...newYork,
];
