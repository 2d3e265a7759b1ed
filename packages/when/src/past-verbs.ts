import type { Token } from './text.js';

/**
 * Past-tense verbs that make a nearby day a memory: "мы были в мае", "we were there in March",
 * "сегодня утром звонил", "I called this morning". Listed, not guessed from endings: "если",
 * "или" and "дали" end like past tenses too.
 */
export const PAST_VERBS = new Set([
  'был', 'была', 'были', 'было', 'ездил', 'ездили', 'ездила', 'приезжал', 'приезжали', 'приезжала', 'отдыхали', 'отдыхал', 'отдыхала',
  'смотрели', 'смотрел', 'смотрела', 'жили', 'жил', 'жила', 'снимали', 'снимал', 'снимала', 'летали', 'летал', 'летала',
  'звонил', 'звонила', 'звонили', 'писал', 'писала', 'писали', 'говорили', 'общались', 'созванивались', 'обсуждали', 'видел', 'видела', 'видели',
  // what clients report having done: went, bought, paid, sent, booked, tried, arrived
  'ходил', 'ходила', 'ходили', 'заходил', 'заходили', 'заезжал', 'заезжали', 'купил', 'купила', 'купили', 'оплатил', 'оплатила', 'оплатили',
  'отправил', 'отправила', 'отправили', 'бронировали', 'забронировал', 'забронировали', 'подписал', 'подписали', 'получил', 'получила', 'получили',
  'пробовал', 'пробовала', 'пробовали', 'приехал', 'приехала', 'приехали', 'прилетел', 'прилетели', 'вернулся', 'вернулась', 'вернулись',
  'уехал', 'уехали', 'встречались', 'договаривались', 'спрашивал', 'спрашивала', 'спрашивали', 'просил', 'просила', 'просили',
  'was', 'were', 'went', 'stayed', 'visited', 'came', 'rented', 'called', 'wrote', 'talked', 'spoke', 'texted', 'messaged', 'emailed',
  'discussed', 'met', 'saw', 'phoned', 'rang', 'sent', 'paid', 'bought', 'booked', 'signed', 'received', 'tried', 'arrived', 'returned', 'flew',
]);

/** Past forms that also help other tenses: "I was wondering if today works", "if you were free today". */
const AUXILIARIES = new Set(['was', 'were']);

/**
 * Whether a past-tense verb stands within `before` tokens before `from` or `after` tokens after
 * `to`, in the same clause (no punctuation between): "я звонил, напишите сегодня" keeps today.
 */
export function pastVerbNear(tokens: Token[], from: number, to: number, source: string, before: number, after: number): boolean {
  for (let k = Math.max(0, from - before); k <= Math.min(tokens.length - 1, to + after); k++) {
    const word = tokens[k]!.text;
    if ((k >= from && k <= to) || !PAST_VERBS.has(word) || AUXILIARIES.has(word)) continue;
    const [a, b] = k < from ? [tokens[k]!.end, tokens[from]!.start] : [tokens[to]!.end, tokens[k]!.start];
    if (!/[,;.!?]/.test(source.slice(a, b))) return true;
  }
  return false;
}
