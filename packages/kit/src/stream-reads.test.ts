import { describe, expect, it } from 'vitest';
import { storedNanos } from './stream-reads.js';

describe('storedNanos', () => {
  it('keeps the nanoseconds of the server\'s stamp, so two messages in one millisecond still order', () => {
    expect(storedNanos('2026-11-18T07:20:00.123456789Z')).toBe(1_794_986_400_123_456_789n);
    expect(storedNanos('2026-11-18T07:20:00.123456790Z') > storedNanos('2026-11-18T07:20:00.123456789Z')).toBe(true);
    expect(storedNanos('2026-11-18T07:20:00.5Z')).toBe(1_794_986_400_500_000_000n);
    expect(storedNanos('2026-11-18T07:20:00Z')).toBe(1_794_986_400_000_000_000n);
    expect(storedNanos('2026-11-18T15:20:00.000000001+08:00')).toBe(1_794_986_400_000_000_001n);
  });
});
