import { z } from 'zod';
import { instantSchema } from './common.js';

/** Telegram's limit for one message: longer text is refused when scheduled, or split into parts when replying. */
export const MAX_MESSAGE_LENGTH = 4096;

/**
 * Any message body on a subject of ours: far above every legitimate payload (a custom action's
 * 64 KiB of data included), far below what a flood of them would cost to parse.
 */
export const MAX_BODY_BYTES = 256 * 1024;
export const MAX_BODY_DEPTH = 64;

/** A custom action's data: deep enough for any real record, shallow and small enough to store and walk safely. */
export const MAX_PAYLOAD_DEPTH = 32;
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * The nesting depth of a JSON value, walked with an explicit stack: a 10,000-deep value must be
 * measured (and refused), not overflow the call stack the way a recursive walk would.
 */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A JSON value within MAX_PAYLOAD_DEPTH and MAX_PAYLOAD_BYTES. */
export const boundedJsonRecord = z
  .record(z.string(), z.unknown())
  .refine((v) => jsonDepth(v, MAX_PAYLOAD_DEPTH) <= MAX_PAYLOAD_DEPTH, { message: `nested deeper than ${MAX_PAYLOAD_DEPTH} levels`, abort: true })
  .refine((v) => new TextEncoder().encode(JSON.stringify(v)).length <= MAX_PAYLOAD_BYTES, { message: `larger than ${MAX_PAYLOAD_BYTES} bytes as JSON` });

/** When an action is due: "0000-01-01" and "9999-12-31" are typos, not plans. How far ahead is the scheduler's to bound. */
export const dueAtSchema = instantSchema.refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= 2000 && year < 2200;
}, 'must be between the years 2000 and 2199');
