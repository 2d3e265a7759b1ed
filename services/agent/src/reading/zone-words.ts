import { normalizeForReading, tokens } from './normalize.js';

/**
 * What is left of "я сейчас в Москве", "I'm based in Berlin", "my time is UTC+3" once the words
 * naming the zone are blanked. A message with nothing else says only where the client is; one
 * that still holds a time or more ("we're in Bali from Jan 1 to Jan 10") says something else.
 */
const ZONE_WORDS = new Set([
  'я', 'мы', 'сейчас', 'тоже', 'уже', 'живу', 'живем', 'живём', 'нахожусь', 'находимся', 'из', 'в', 'во', 'на', 'по', 'времени', 'время', 'мое', 'моё', 'мой', 'у', 'меня', 'нас',
  'а', 'и', 'кстати', 'вообще', 'то', 'это', 'ок', 'ну', 'тут', 'здесь', 'часовой', 'пояс',
  'i', "i'm", 'im', 'am', 'we', "we're", 'are', 'now', 'currently', 'based', 'live', 'living', 'from', 'in', 'at', 'my', 'our', 'time', 'zone', 'timezone', 'is', "it's",
  'here', 'btw', 'fyi', 'ok', 'so', 'just', 'also', 'actually', 'by', 'the', 'way',
]);

export function onlyZoneWords(timeText: string): boolean {
  return tokens(normalizeForReading(timeText)).every((t) => ZONE_WORDS.has(t));
}
