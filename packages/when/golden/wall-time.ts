import { localParts } from '../src/index.js';

/** An instant as wall time in `tz`, `YYYY-MM-DD HH:mm` (the golden table's unit: the exact minute), or null. */
export function wallTime(at: Date | null, tz: string): string | null {
  if (!at) return null;
  const p = localParts(at, tz);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}
