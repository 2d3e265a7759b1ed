import { describe, expect, it } from 'vitest';
import { findCronText, InvalidCronPatternError, isInvalidCronPatternError, validateCronPattern, type CronPatternProblem } from './cron-pattern.js';

function problemOf(text: string): CronPatternProblem | 'none' {
  try {
    validateCronPattern(text);
    return 'none';
  } catch (e) {
    if (!isInvalidCronPatternError(e)) throw e;
    return e.reason;
  }
}

describe('validateCronPattern', () => {
  it('returns a valid pattern with single spaces, nicknames written out', () => {
    expect(validateCronPattern(' 0  10 * * 1-5 ')).toBe('0 10 * * 1-5');
    expect(validateCronPattern('0 10 * * MON')).toBe('0 10 * * MON');
    expect(validateCronPattern('15 0 10 * * *')).toBe('15 0 10 * * *');
    expect(validateCronPattern('@weekly')).toBe('0 0 * * 0');
    expect(validateCronPattern('* * * * *')).toBe('* * * * *'); // once a minute is the limit, not past it
  });

  it.each([
    ['61 10 * * *', 'syntax'],
    ['0 24 * * *', 'syntax'],
    ['0 10 * *', 'syntax'],
    ['every day', 'syntax'],
    ['* * * * * *', 'too-frequent'],
    ['*/10 * * * * *', 'too-frequent'],
    ['0,30 * * * * *', 'too-frequent'],
    ['0 10 30 2 *', 'never'],
    ['0 10 ? * *', 'unsupported'],
  ] as const)('%s → %s', (text, reason) => {
    expect(problemOf(text)).toBe(reason);
  });

  it('throws a named error carrying croner’s own for a syntax problem', () => {
    const error = (() => {
      try {
        validateCronPattern('0 10 * * 8');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidCronPatternError);
    expect(error).toMatchObject({ name: 'InvalidCronPatternError', reason: 'syntax' });
    expect((error as Error).message).toContain('dayOfWeek');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});

describe('findCronText', () => {
  it('finds a pattern that is the whole text or is quoted in it', () => {
    expect(findCronText('0 10 * * 1')).toBe('0 10 * * 1');
    expect(findCronText('по расписанию «0 */2 * * *»')).toBe('0 */2 * * *');
    expect(findCronText('schedule it "30 9 * * 1-5" please')).toBe('30 9 * * 1-5');
    expect(findCronText('@daily')).toBe('@daily');
  });

  it('does not take a sentence of five words for one', () => {
    expect(findCronText('every day at 10 am')).toBeUndefined();
    expect(findCronText('каждый понедельник в 10 утра')).toBeUndefined();
    expect(findCronText('он сказал «давай завтра»')).toBeUndefined();
  });
});
