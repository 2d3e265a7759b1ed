import { normalizeForReading, tokens, words } from './normalize.js';

/**
 * Small readers of what a message is, besides a time: an acknowledgement ("ок, спасибо", "👍"),
 * a greeting, a question, a complaint. Each answers for the whole message; the rule brain
 * decides what to do with them.
 */

const ACK_PHRASES = words([
  'thank you', 'thank u', 'thanks a lot', 'appreciate it', 'got it', 'sounds good', 'all right', 'see you', 'talk soon', 'talk then', 'will do', 'no problem', 'looking forward',
  'до связи', 'на связи', 'буду ждать', 'будем ждать', 'жду вас', 'большое спасибо', 'спасибо большое', 'всего доброго', 'до встречи', 'договорились',
], 'gu');
const ACK_WORDS = new Set([
  'ок', 'окей', 'оке', 'ok', 'okay', 'k', 'kk', 'хорошо', 'хор', 'ладно', 'да', 'ага', 'угу', 'понял', 'поняла', 'понятно', 'ясно', 'принято', 'супер', 'отлично', 'класс',
  'спасибо', 'спс', 'благодарю', 'пасиб', 'пасибо', 'жду', 'норм', 'good', 'great', 'thanks', 'thx', 'ty', 'sure', 'cool', 'perfect', 'noted', 'fine', 'alright', 'deal',
  'awesome', 'yes', 'yep', 'yeah', 'nice', 'ack', 'вам', 'и', 'тоже', 'you', 'too', 'much', 'very', 'so', 'then', 'тогда', 'ну', 'все', 'всё', 'ждем', 'ждём', 'ждать', 'буду',
  'cheers', 'mate', 'buddy', 'guys', 'ребята', 'ta', 'tysm', 'thnx', 'thanx', 'спасибки', 'благодарствую', 'мерси', 'пасибки', 'ясненько', 'окей', 'лады', 'ладушки', 'хорошо-хорошо',
]);

/** "ок", "спасибо!", "хорошо, жду", "thanks, talk then", "👍": nothing but agreement or thanks. */
export function isAcknowledgement(text: string): boolean {
  const normalized = normalizeForReading(text);
  if (normalized !== '' && !/[\p{L}\p{N}]/u.test(normalized)) return /\p{Extended_Pictographic}/u.test(normalized); // emoji only
  const rest = tokens(normalized.replace(ACK_PHRASES, ' ack '));
  return rest.length > 0 && rest.every((t) => ACK_WORDS.has(t));
}

const GREETING_PHRASES = words(['добрый день', 'добрый вечер', 'доброе утро', 'доброго дня', 'good morning', 'good afternoon', 'good evening'], 'gu');
const GREETING_WORDS = new Set(['hello', 'привет', 'здравствуйте', 'здрасте', 'здравствуй', 'приветствую', 'салют', 'хай', 'hi', 'hey', 'hallo', 'greeting', 'there', 'еще', 'раз', 'снова']);

/** "Здравствуйте!", "hi there": a greeting and nothing else. */
export function isGreeting(text: string): boolean {
  const rest = tokens(normalizeForReading(text).replace(GREETING_PHRASES, ' greeting '));
  return rest.length > 0 && rest.every((t) => GREETING_WORDS.has(t));
}

const QUESTION_START = words([
  'сколько', 'как', 'какой', 'какая', 'какое', 'какие', 'какую', 'каким', 'когда', 'где', 'куда', 'откуда', 'почему', 'зачем', 'что', 'чем', 'кто', 'чей', 'можно ли', 'есть ли',
  'а есть', 'а можно', 'а если', 'подскажите', 'скажите', 'расскажите', 'уточните', 'интересует', 'хочу узнать', 'хотел бы узнать', 'хотела бы узнать',
  'how', 'what', 'when', 'where', 'why', 'who', 'which', 'is there', 'are there', 'do you', 'does it', 'can i', 'could i', 'can we', 'is it', 'are you', 'tell me', "i'd like to know", 'i wonder',
]);

/** A clause that asks something: it ends with "?" or opens (after "а", "и", "ok"…) with a question word. */
export function isQuestion(clause: string): boolean {
  const normalized = normalizeForReading(clause);
  if (/\?\s*$/.test(normalized)) return true;
  const opening = normalized.replace(/^(?:а|и|ну|so|and|but|ok|ок)[\s,]+/u, '').split(' ').slice(0, 3).join(' ');
  return QUESTION_START.test(opening);
}

const COMPLAINT = words([
  // dissatisfaction and its words
  'жалоб\\p{L}*', 'пожаловаться', 'недовол\\p{L}*', 'ужасн\\p{L}*', 'отвратительн\\p{L}*', 'безобрази\\p{L}*', 'обман\\p{L}*', 'мошенни\\p{L}*', 'развод\\p{L}*', 'кинули',
  'хамств\\p{L}*', 'нахамил\\p{L}*', 'кошмар\\p{L}*', 'позор\\p{L}*', 'претензи\\p{L}*', 'разочарован\\p{L}*', 'возмущ\\p{L}*', 'в\\s+бешенстве', 'бесит', 'достали', 'издевательств\\p{L}*',
  'complain\\p{L}*', 'complaint', 'terrible', 'awful', 'disappointed', 'unacceptable', 'scam\\p{L}*', 'fraud', 'rude', 'worst', 'horrible', 'furious', 'outrageous', 'fed\\s+up', 'ripped\\s+off',
  // money taken or owed back
  'верните\\s+(?:мне\\s+)?деньги', 'вернуть\\s+деньги', 'возврат\\p{L}*', 'списал\\p{L}*', 'списыва\\p{L}*', 'списани\\p{L}*', 'дважды\\s+(?:списали|оплатил\\p{L}*)',
  'refund\\p{L}*', 'money\\s+back', 'charg(?:ed|ing)\\s+(?:me|my)', 'double\\s+charg\\p{L}*', 'overcharg\\p{L}*',
  // something broken or a promise missed
  'не\\s+работает', 'перестал\\p{L}*\\s+работать', 'сломал\\p{L}*', 'вылета\\p{L}*', 'глючит', 'зависает', 'сорвал\\p{L}*', 'до\\s+сих\\s+пор\\s+не', 'никто\\s+не\\s+(?:ответил|починил|приехал|перезвонил)', 'плесен\\p{L}*', 'грязн\\p{L}*',
  'not\\s+working', "doesn'?t\\s+work", 'stopped\\s+working', 'broken', 'crash\\p{L}*', 'still\\s+(?:not|no|hasn\'?t|haven\'?t)', 'nobody\\s+(?:fixed|answered|came|called)', 'mou?ld', 'dirty', 'filthy',
]);

/** A complaint: someone unhappy should hear from a person, not from a bot. */
export function isComplaint(text: string): boolean {
  return COMPLAINT.test(normalizeForReading(text));
}

/**
 * Sentences, and the parts of one joined by ", а" / ", но" / ", и" / "but" / "and": a question and a
 * request in one message are read apart ("Сколько стоит? И напишите завтра", "напишите через
 * неделю, а пока скажите, есть ли парковка?").
 */
export function clauses(text: string): string[] {
  return text
    .split(/(?<=[.!?\n])\s*|,\s*(?=(?:а|но|и|а пока|but|and|also)\s)/iu)
    .map((c) => c.trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
}
