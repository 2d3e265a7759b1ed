import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actionSendKey, randomIdFor, replySendKey } from './random-id.js';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

describe('randomIdFor', () => {
  it('is deterministic: the same key gives the same id', () => {
    expect(randomIdFor('action:abc')).toBe(randomIdFor('action:abc'));
  });

  it('is the first 8 bytes of sha256 read as a signed 64-bit big-endian integer', () => {
    const key = actionSendKey('0b6f9a52-6a43-4f7e-9d7e-1f2a3b4c5d6e');
    const expected = createHash('sha256').update(key).digest().readBigInt64BE(0).toString();
    expect(randomIdFor(key)).toBe(expected);
  });

  it('yields decimal signed 64-bit integers, negative ones included', () => {
    const ids = Array.from({ length: 200 }, (_, i) => randomIdFor(`k${i}`));
    for (const id of ids) {
      expect(id).toMatch(/^-?\d+$/);
      expect(BigInt(id) >= MIN && BigInt(id) <= MAX).toBe(true);
    }
    expect(ids.some((id) => id.startsWith('-'))).toBe(true);
    expect(ids.some((id) => !id.startsWith('-'))).toBe(true);
  });

  it('gives different sends different ids', () => {
    const keys = [actionSendKey('a'), actionSendKey('b'), replySendKey('1', 17, 0), replySendKey('1', 17, 1), replySendKey('2', 17, 0)];
    expect(new Set(keys.map(randomIdFor)).size).toBe(keys.length);
  });

  it('names its keys as the dispatcher contract says', () => {
    expect(actionSendKey('x')).toBe('action:x');
    expect(replySendKey('123', 17, 2)).toBe('reply:123:17:2');
  });
});
