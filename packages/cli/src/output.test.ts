import { describe, expect, it } from 'vitest';
import { formatClock, formatLocal, formatTable, formatUtc } from './output.js';

describe('output', () => {
  it('aligns table columns to their widest cell', () => {
    expect(formatTable(['ID', 'STATUS', 'REASON'], [['a', 'pending', ''], ['abcdef', 'cancelled', 'client_replied']])).toBe(
      'ID      STATUS     REASON\n' + 'a       pending\n' + 'abcdef  cancelled  client_replied\n',
    );
  });

  it('shows an instant in UTC and as the wall clock of a zone, across a DST change', () => {
    const at = new Date('2026-11-20T02:00:00Z');
    expect(formatUtc(at)).toBe('2026-11-20 02:00:00');
    expect(formatLocal(at, 'Asia/Makassar')).toBe('2026-11-20 10:00:00 Fri GMT+8');
    expect(formatClock(at, 'Asia/Makassar')).toBe('10:00:00');
    // Berlin leaves summer time on 2026-10-25: the same UTC hour reads an hour apart.
    expect(formatLocal(new Date('2026-10-24T08:00:00Z'), 'Europe/Berlin')).toBe('2026-10-24 10:00:00 Sat GMT+2');
    expect(formatLocal(new Date('2026-10-26T08:00:00Z'), 'Europe/Berlin')).toBe('2026-10-26 09:00:00 Mon GMT+1');
    expect(formatLocal(at, 'UTC')).toBe('2026-11-20 02:00:00 Fri GMT');
    expect(formatLocal(at, 'Asia/Kolkata')).toBe('2026-11-20 07:30:00 Fri GMT+5:30');
    expect(formatLocal(at, 'America/St_Johns')).toBe('2026-11-19 22:30:00 Thu GMT-3:30');
  });
});
