import { resolveWhen } from '@followups/when';
import { readContactRequest } from './contact-request.js';
import { correctTypos } from './fuzzy.js';
import { L, normalizeForReading, R } from './normalize.js';

/**
 * Whether the client asks not to be contacted at all. Deterministic, so no brain can talk itself
 * past a client who said no; both brains get its answer. Two shapes:
 *
 * - a contact verb under a negation: "не пишите мне больше", "можете не писать", "хватит
 *   писать", "don't message me", "never contact me again". Not when a time narrows it: "не
 *   пишите мне завтра" cancels a plan, it does not end the relationship — unless "больше",
 *   "вообще", "anymore"… say it does;
 * - a removal, not negated: "отпишитесь", "удалите мой номер", "уберите меня из рассылки",
 *   "не беспокойте"-style set phrases, "unsubscribe", "remove me", "stop" as the whole message.
 *   "не надо отписываться", "don't stop", "I don't want to unsubscribe" are not.
 *
 * A question about why we are silent ("почему вы не пишете?") is not an opt-out.
 */

/** Long keywords a typo should not hide. */
const KEYWORDS = ['отпишитесь', 'отписаться', 'отпишите', 'беспокойте', 'беспокоить', 'unsubscribe'];

const RU_CONTACT = [
  // with the common misspellings of the one verb that matters most: "пешите", "пишыте"
  'п[еи]ш[иы](?:те)?', 'писать', 'напиши(?:те)?', 'писали', 'писал[аи]?',
  'беспокой(?:те)?', 'беспокоить', 'беспокоили', 'тревожь(?:те)?', 'тревожить',
  'звони(?:те)?', 'звонить', 'названивай(?:те)?', 'названивать',
  'присылай(?:те)?', 'присылать', 'шли(?:те)?', 'слать', 'отправляй(?:те)?', 'отправлять',
  'спамь(?:те)?', 'спамить', 'надоедай(?:те)?', 'надоедать', 'доставай(?:те)?', 'доставать', 'донимай(?:те)?', 'донимать',
  'связывай(?:те)?сь', 'связываться', 'контактировать', 'стучи(?:те)?', 'стучать',
];
const EN_CONTACT = ['message', 'text', 'write(?: to)?', 'contact', 'e-?mail', 'call', 'bother', 'ping', 'spam', 'msg', 'dm', 'reach out to', 'send (?:me )?(?:any(?:thing| more)?|messages)'];

/** Negations that, before a contact verb, refuse contact. */
const RU_NEG =
  '(?:не|никогда не|больше не|не надо|не нужно|не стоит|хватит|харе|хорош|завязывайте|кончайте|перестаньте|перестань|прекратите|прекрати|прошу не|просьба не|попрошу не|можете не|можно не)';
const FILLER_RU = '(?:мне|меня|нам|нас|больше|болше|бальше|сюда|вообще|уже|пожалуйста|плиз|сообщения|смс|ничего|и|,)';
const RU_REFUSE = new RegExp(`${L}${RU_NEG}(?:\\s+${FILLER_RU})*\\s+(?:${RU_CONTACT.join('|')})${R}`, 'u');
const EN_REFUSE = new RegExp(
  `${L}(?:don'?t|do not|dont|never|stop|quit|cease|no need to|please don'?t|pls don'?t)(?:\\s+(?:ever|again|anymore|please|pls|you))*\\s+(?:${EN_CONTACT.join('|')})(?:ing)?${R}`,
  'u',
);
/** "Stop messaging me", "quit texting": the -ing form after stop. */
const EN_STOP_ING = /(?<![\p{L}])(?:stop|quit|cease)\s+(?:messag|text|writ|contact|e-?mail|call|bother|ping|spamm|send)ing(?![\p{L}])/u;

/** Words that make a refusal for good even when a time is also named. */
const FOR_GOOD = /(?<![\p{L}])(?:больше|болше|бальше|вообще|никогда|совсем|anymore|any more|ever again|again|never|for good)(?![\p{L}])/u;

const REMOVALS = [
  // Russian
  // "отпишитесь" alone also means "write back" ("отпишитесь, как будет информация"): only with "от", or as the whole message.
  'отпиши(?:те)?(?:сь)?\\s+от', 'отпишите\\s+(?:меня|нас)', 'отписаться', 'отписать', 'отписка', 'отписываюсь', 'отпишусь',
  '(?:удали|удалите|сотри|сотрите|уберите|убери|исключите|исключи|вычеркните)\\s+(?:мой\\s+(?:номер|телефон|контакт)|мои\\s+(?:данные|контакты)|меня|нас|номер)',
  '(?:уберите|убери|исключите|удалите)\\s+(?:\\S+\\s+){0,2}из\\s+(?:рассылк\\p{L}*|базы|списка|контактов)',
  'отстань(?:те)?', 'отвали(?:те)?', 'отцепи(?:те)?сь', 'отвяжи(?:те)?сь', 'оставьте\\s+меня\\s+в\\s+покое',
  'не\\s+хочу\\s+(?:больше\\s+)?(?:получать|никаких|ваших|ваши)\\s+(?:\\S+\\s+)?(?:сообщени|рассылк|писем|смс|уведомлени)\\p{L}*',
  'не\\s+хочу,?\\s+чтобы\\s+(?:мне|меня)\\s+(?:писали|беспокоили|звонили|присылали)',
  '(?:прекратите|отмените|остановите|хватит)\\s+(?:эту\\s+|вашу\\s+)?(?:рассылк\\p{L}*|спам)',
  '(?:в|во)\\s+(?:черный\\s+список|спам)', 'заблокирую', 'забаню',
  'не\\s+беспокоить',
  // English
  'unsubscribe', 'unsub', 'opt(?:\\s+me)?(?:\\s|-)?out', 'remove\\s+me', 'delete\\s+me', 'take\\s+me\\s+off', 'leave\\s+me\\s+alone', 'go\\s+away',
  '(?:delete|remove|erase)\\s+my\\s+(?:number|contact|phone|data|details|info)', 'no\\s+more\\s+(?:messages|texts|emails|calls|spam)',
  "(?:i\\s+)?(?:don'?t|do\\s+not)\\s+want\\s+(?:any\\s+more\\s+|any\\s+|more\\s+|your\\s+)?(?:messages|texts|emails|spam)", 'do\\s+not\\s+disturb', "i'?ll\\s+block\\s+you", 'f+u?ck\\s+off',
];
const REMOVAL = new RegExp(`${L}(?:${REMOVALS.join('|')})${R}`, 'gu');

/** "Stop", "STOP!!!", "стоп", "хватит", "enough", "spam": the whole message, give or take a please. */
const STOP_ALONE = /^(?:(?:please|pls|пожалуйста|прошу)\s+)?(?:stop+|stop it|сто+п|хватит|харе|enough|спам|spam|unsubscribe|отпишите(?:сь)?|отпишись)(?:\s+(?:please|pls|пожалуйста|now|уже))?$/u;

/** Right before a removal, these turn it around: "не надо отписываться", "don't stop", "i don't want to unsubscribe". */
const NEGATED_BEFORE = /(?:^|[^\p{L}])(?:не|ни|не надо|не нужно|не хочу|не буду|не стоит|don'?t|do not|dont|not|never|no need to|don'?t want to|do not want to|won'?t|will not|wont)\s+(?:\S+\s+)?$/u;

/** A question about our silence or a cause: "почему вы не пишете?", "why don't you text me?". */
const WHY = /(?<![\p{L}])(?:почему|зачем|отчего|why|how come)(?![\p{L}])/u;

export function isOptOut(text: string, now: Date = new Date(0), timeZone = 'UTC'): boolean {
  const normalized = correctTypos(normalizeForReading(text), KEYWORDS);
  const bare = normalized.replace(/[^\p{L}\p{N}\s']/gu, ' ').replace(/\s+/g, ' ').trim();
  if (STOP_ALONE.test(bare)) return true;
  for (const m of normalized.matchAll(REMOVAL)) {
    if (!NEGATED_BEFORE.test(normalized.slice(Math.max(0, m.index - 30), m.index))) return true;
  }
  // "не надо звонить, лучше напишите в четверг": refusing one way of contact while asking for another is no opt-out.
  if (readContactRequest(text).asked) return false;
  return clauses(normalized).some((clause) => refusesContact(clause, now, timeZone));
}

function refusesContact(clause: string, now: Date, timeZone: string): boolean {
  if (WHY.test(clause)) return false;
  if (!RU_REFUSE.test(clause) && !EN_REFUSE.test(clause) && !EN_STOP_ING.test(clause)) return false;
  // "не пишите мне завтра": a time narrows the refusal to a plan, unless words make it for good.
  return FOR_GOOD.test(clause) || resolveWhen(clause, now, timeZone) === null;
}

/** Sentences and comma-free parts, so "не пишите завтра, лучше в пятницу" keeps its time with its verb. */
function clauses(normalized: string): string[] {
  return normalized.split(/[.!?;\n]+|,\s*(?:а|но|лучше|but|better)\s/u).map((c) => c.trim()).filter(Boolean);
}
