import { describe, expect, it } from 'vitest';
import { MAX_UNCLASSIFIED_ATTEMPTS, outcomeOfError } from './consumer.js';
import { RetryLaterError } from './errors.js';
import { isDeterministicFailure, isTransientFailure } from './failures.js';
import { pgJson, pgText } from './pg-text.js';
import { testLogger } from './testing/index.js';

const pgError = (code: string, message = 'pg') => Object.assign(new Error(message), { code });
const log = testLogger();
const at = (deliveryCount: number) => ({ subject: 'conv.in.1', deliveryCount });

describe('failure kinds', () => {
  it.each([pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'), pgError('22P05'), pgError('22P02'), pgError('23505'), new RangeError('Maximum call stack size exceeded'), Object.assign(new Error('x'), { name: 'ZodError' })])(
    'a deterministic failure is dead-lettered at the first attempt: %s',
    (e) => {
      expect(isDeterministicFailure(e)).toBe(true);
      expect(outcomeOfError(e, at(1), log)).toMatchObject({ kind: 'dead' });
    },
  );

  it.each([pgError('57P01', 'terminating connection due to administrator command'), pgError('08006'), pgError('ECONNREFUSED'), pgError('53300'), new Error('Connection terminated unexpectedly'), new Error('TIMEOUT')])(
    'an outage is retried however long it lasts: %s',
    (e) => {
      expect(isTransientFailure(e)).toBe(true);
      expect(outcomeOfError(e, at(1000), log)).toMatchObject({ kind: 'retry' });
    },
  );

  it('anything else is retried a bounded number of times, then dead-lettered with its reason', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'text')");
    expect(outcomeOfError(bug, at(MAX_UNCLASSIFIED_ATTEMPTS - 1), log)).toMatchObject({ kind: 'retry' });
    expect(outcomeOfError(bug, at(MAX_UNCLASSIFIED_ATTEMPTS), log)).toEqual({ kind: 'dead', reason: `gave up after ${MAX_UNCLASSIFIED_ATTEMPTS} attempts: ${bug.message}` });
    expect(outcomeOfError(new RetryLaterError('flood wait', 5000), at(50), log)).toEqual({ kind: 'retry', delayMs: 5000, reason: 'flood wait' });
  });
});

describe('pgText', () => {
  it('drops NULs and replaces lone surrogates, keeping everything else', () => {
    expect(pgText('при\u0000вет')).toBe('привет');
    expect(pgText('half an emoji \uD83D')).toBe('half an emoji \uFFFD');
    expect(pgText('\uDE00 tail')).toBe('\uFFFD tail');
    expect(pgText('a whole emoji 😀 stays')).toBe('a whole emoji 😀 stays');
    expect(pgJson({ text: 'a\u0000b', list: ['\uD800'], 'k\u0000': 1 })).toEqual({ text: 'ab', list: ['\uFFFD'], k: 1 });
  });
});
