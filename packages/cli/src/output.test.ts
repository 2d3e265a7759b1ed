import { describe, expect, it } from 'vitest';
import { clip, formatClock, formatLocal, formatLocalMinute, formatRelative, formatTable } from './output.js';

describe('output', () => {
  it('aligns table columns to their widest cell', () => {
    expect(formatTable(['ID', 'STATUS', 'REASON'], [['a', 'pending', ''], ['abcdef', 'cancelled', 'client_replied']])).toBe(
      'ID      STATUS     REASON\n' + 'a       pending\n' + 'abcdef  cancelled  client_replied\n',
    );
  });

  it('shows an instant as the wall clock of a zone, across a DST change', () => {
    const at = new Date('2026-11-20T02:00:00Z');
    expect(formatLocal(at, 'Asia/Makassar')).toBe('2026-11-20 10:00:00 Fri GMT+8');
    expect(formatClock(at, 'Asia/Makassar')).toBe('10:00:00');
    // Berlin leaves summer time on 2026-10-25: the same UTC hour reads an hour apart.
    expect(formatLocal(new Date('2026-10-24T08:00:00Z'), 'Europe/Berlin')).toBe('2026-10-24 10:00:00 Sat GMT+2');
    expect(formatLocal(new Date('2026-10-26T08:00:00Z'), 'Europe/Berlin')).toBe('2026-10-26 09:00:00 Mon GMT+1');
    expect(formatLocal(at, 'UTC')).toBe('2026-11-20 02:00:00 Fri GMT');
    expect(formatLocal(at, 'Asia/Kolkata')).toBe('2026-11-20 07:30:00 Fri GMT+5:30');
    expect(formatLocal(at, 'America/St_Johns')).toBe('2026-11-19 22:30:00 Thu GMT-3:30');
  });

  it('says how far a time is from now in the largest unit it reaches once rounded', () => {
    const now = new Date('2026-11-18T07:20:00Z');
    const at = (ms: number) => formatRelative(new Date(now.getTime() + ms), now);
    expect(at(0)).toBe('now');
    expect(at(45_000)).toBe('in 45 s');
    expect(at(-5 * 60_000)).toBe('5 min ago');
    expect(at(59 * 60_000 + 40_000)).toBe('in 1 h'); // not "60 min"
    expect(at(3 * 3_600_000 - 2000)).toBe('in 3 h');
    expect(at(-2 * 86_400_000)).toBe('2 d ago');
    expect(at(23 * 3_600_000 + 40 * 60_000)).toBe('in 1 d');
  });

  it('shows a local time to the minute, and clips long text to one line', () => {
    expect(formatLocalMinute(new Date('2026-11-20T02:00:59Z'), 'Asia/Makassar')).toBe('2026-11-20 10:00');
    expect(formatLocalMinute(new Date('2026-11-20T02:00:00Z'), 'America/St_Johns')).toBe('2026-11-19 22:30');
    expect(clip('short', 10)).toBe('short');
    expect(clip('two\nlines   here', 20)).toBe('two lines here');
    expect(clip('write on Friday 10:00, after lunch', 23)).toBe('write on Friday 10:00,…');
  });
});
