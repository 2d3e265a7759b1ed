import { L, normalizeForReading, R } from './normalize.js';

/**
 * Whether a client asks to be contacted later, and how. Deliberately narrow: a verb addressed to
 * us ("напишите", "свяжитесь", "ping me", "наберите"), not negated and not the client's own
 * promise ("я напишу", "I'll call you"). A call is told apart from a message: a bot can write,
 * but only a person can call, so a call request goes to the team.
 */

/** Imperatives and infinitives; first-person forms (напишу, позвоню, свяжусь) are left out on purpose. */
const RU_WRITE = [
  'напиши(?:те)?', 'написать', 'напишете', 'напишешь', 'пиши(?:те)?',
  'свяжи(?:те)?сь', 'связаться', 'свяжетесь', 'свяжешься', 'свяжемся',
  'напомни(?:те)?', 'напомнить',
  'отпиши(?:те)?сь', 'отпишите',
  'черкни(?:те)?', 'черкани(?:те)?', 'черкануть', 'черкнуть',
  'маякни(?:те)?', 'маякнуть', 'стукни(?:те)?', 'стукнуть',
  'скинь(?:те)?', 'скинуть', 'кинь(?:те)?', 'пришли(?:те)?', 'прислать', 'присылайте', 'отправь(?:те)?', 'сообщите', 'дайте знать', 'дай знать',
  'спишемся', 'вернемся', 'вернуться', 'обсудим', 'продолжим',
];
const RU_CALL = [
  'позвони(?:те)?', 'позвонить', 'позвоните', 'перезвони(?:те)?', 'перезвонить', 'звони(?:те)?', 'звонить',
  'набери(?:те)?', 'набрать', 'звякни(?:те)?', 'звякнуть', 'брякни(?:те)?', 'брякнуть',
  'созвонимся', 'созвониться', 'созвон', 'созвонились', 'звонок', 'звоночек',
];
const EN_WRITE = [
  'write(?:\\s+(?:to\\s+)?(?:me|us|back))?', 'ping', 'contact', 'remind', 'text', 'txt', 'message', 'msg', 'email', 'e-mail', 'dm',
  'get\\s+back', 'reach\\s+out', 'follow\\s+up', 'touch\\s+base', 'catch\\s+up', 'talk', 'drop\\s+me\\s+a\\s+(?:line|message|text|note)', 'hit\\s+me\\s+up', 'hmu',
  'shoot\\s+me\\s+a\\s+(?:message|text|note|line)',
];
const EN_CALL = ['call', 'ring\\s+me', 'phone\\s+me', 'give\\s+me\\s+a\\s+(?:call|ring|buzz)', 'a\\s+call', 'video\\s+call'];

const verbs = (list: readonly string[]) => new RegExp(`${L}(?:${list.join('|')})${R}`, 'gu');
const WRITE = verbs([...RU_WRITE, ...EN_WRITE]);
const CALL = verbs([...RU_CALL, ...EN_CALL]);

/** What just before the verb turns it around: negation, or the client speaking of themselves. */
const NOT_A_REQUEST_BEFORE =
  /(?:^|[^\p{L}])(?:не|ни|don't|dont|do not|never|not|no need to|i|i'll|i will|i'd|i would|we'll|we will|я|мы)(?:\s+(?:надо|нужно|стоит|мне|меня|нам|нас|больше|уже|пока|пожалуйста|ever|again|please))*\s+$/u;

/** Words that say "later" without saying when: asking the client when is the right answer. */
const LATER = new RegExp(
  `${L}(?:позже|попозже|позднее|потом|через|в другой раз|как-нибудь|когда-нибудь|на днях|later|another time|some other time|sometime|in a while)${R}`,
  'u',
);

/** Words that say "now": a call asked for now goes to the team at once. */
const NOW = new RegExp(
  `${L}(?:сейчас|срочн\\p{L}*|прямо сейчас|немедленно|как можно скорее|побыстрее|now|right now|asap|right away|urgent\\p{L}*|immediately|as soon as possible)${R}`,
  'u',
);

export interface ContactRequest {
  /** A verb asking us to write or call later. */
  asked: boolean;
  /** `call` when the verb asks for a call. */
  kind: 'write' | 'call' | null;
  /** The client said "later" in some form. */
  later: boolean;
  /** The client said "now" in some form. */
  now: boolean;
}

/** Any verb of contact, asked for or refused (one test, no global state to reset). */
const ANY_CONTACT = new RegExp(`${CALL.source}|${WRITE.source}`, 'u');

/** Any verb of contact, asked for or refused ("можно не звонить?"): such a clause is about contact, not a question for a human. */
export function mentionsContact(text: string): boolean {
  return ANY_CONTACT.test(normalizeForReading(text));
}

export function readContactRequest(text: string): ContactRequest {
  const normalized = normalizeForReading(text);
  const call = asks(normalized, CALL);
  const write = asks(normalized, WRITE);
  return { asked: call || write, kind: call ? 'call' : write ? 'write' : null, later: LATER.test(normalized), now: NOW.test(normalized) };
}

function asks(normalized: string, verb: RegExp): boolean {
  for (const m of normalized.matchAll(verb)) {
    if (!NOT_A_REQUEST_BEFORE.test(normalized.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  return false;
}
