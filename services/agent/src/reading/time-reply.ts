import { normalizeForReading, tokens, words } from './normalize.js';
import { onlyTimeWords } from './time-words.js';

/**
 * A message whose point is a time is a request, with or without a verb: "через недельку", "ок,
 * давайте в четверг", "можно через пару дней?", "next week then". So is a time proposed with
 * "давайте" / "лучше" / "let's" in a statement ("сейчас неудобно, давайте через неделю"). A time
 * mentioned in passing ("мы приедем 15 декабря") is neither: a human decides what it means.
 */
export function isTimeOnly(text: string): boolean {
  const words = tokens(normalizeForReading(text));
  return words.length > 0 && onlyTimeWords(words);
}

const PROPOSAL = words([
  'давайте', 'давай', 'лучше', 'перенесем', 'перенести', 'перенесите', 'отложим', 'отложить', 'предлагаю', 'вернемся к этому',
  "let's", 'lets', 'better', 'how about', 'what about', 'reschedule', 'postpone', 'move it to', 'push it to', 'rather',
]);

export function proposesTime(text: string): boolean {
  return PROPOSAL.test(normalizeForReading(text));
}
