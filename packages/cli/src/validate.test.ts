import { describe, expect, it } from 'vitest';
import { isUsageError } from './errors.js';
import { parseSince } from './validate.js';

describe('parseSince', () => {
  const now = new Date('2026-11-18T07:20:00Z');

  it('reads a span back from now, or an ISO time as written', () => {
    expect(parseSince('30m', now).toISOString()).toBe('2026-11-18T06:50:00.000Z');
    expect(parseSince('1h', now).toISOString()).toBe('2026-11-18T06:20:00.000Z');
    expect(parseSince('2d', now).toISOString()).toBe('2026-11-16T07:20:00.000Z');
    expect(parseSince('1w', now).toISOString()).toBe('2026-11-11T07:20:00.000Z');
    expect(parseSince('2026-11-18T10:00:00+08:00', now).toISOString()).toBe('2026-11-18T02:00:00.000Z');
  });

  it('refuses anything else with a usage error', () => {
    for (const bad of ['0h', 'yesterday', '1M', '1.5h', '-1h', '']) {
      let error: unknown;
      try {
        parseSince(bad, now);
      } catch (e) {
        error = e;
      }
      expect(isUsageError(error), bad).toBe(true);
    }
  });
});
