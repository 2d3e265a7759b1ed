import { formatLocal } from './claude/local-time.js';

/** An instant as operators read it in notes: "2026-11-20 10:00 Europe/Moscow". */
export function describeForOperators(at: Date, timeZone: string): string {
  return `${formatLocal(at, timeZone).replace('T', ' ')} ${timeZone}`;
}
