import { describe, expect, it } from 'vitest';
import { fromPattern, toPattern, type Schedule } from './schedule.js';

describe('schedule ↔ pattern', () => {
  const time = { hour: 9, minute: 5 };
  const cases: [Schedule, string][] = [
    [{ kind: 'weekdays', days: [0, 1, 2, 3, 4, 5, 6], time }, '5 9 * * *'],
    [{ kind: 'weekdays', days: [1, 2, 3, 4, 5], time }, '5 9 * * 1-5'],
    [{ kind: 'weekdays', days: [0, 6], time }, '5 9 * * 0,6'],
    [{ kind: 'weekdays', days: [1, 4], time }, '5 9 * * 1,4'],
    [{ kind: 'monthDay', day: 15, time }, '5 9 15 * *'],
    [{ kind: 'monthDay', day: 'last', time }, '5 9 L * *'],
    [{ kind: 'nthWeekday', weekday: 1, nth: 1, time }, '5 9 * * 1#1'],
    [{ kind: 'nthWeekday', weekday: 5, nth: 'last', time }, '5 9 * * 5#L'],
  ];
  it.each(cases)('%o ↔ %s', (schedule, pattern) => {
    expect(toPattern(schedule)).toBe(pattern);
    expect(fromPattern(pattern)).toEqual(schedule);
  });

  it('writes days sorted and once, whatever order they came in', () => {
    expect(toPattern({ kind: 'weekdays', days: [5, 1, 5, 3], time })).toBe('5 9 * * 1,3,5');
  });

  it('reads no schedule from a pattern none of the shapes states', () => {
    for (const p of ['0 */2 * * *', '0 10 1 1 *', '0 10 1 * 1', '0 10 * * 1-5/2', '0 10 32 * *', '0 25 * * *', '0 10 * * 5-1', '0 10 * *']) {
      expect(fromPattern(p)).toBeUndefined();
    }
  });
});
