/**
 * Whether a client asks to be contacted later. Deliberately narrow: a verb addressed to us
 * ("напишите", "свяжитесь", "ping me"), not negated and not the client's own promise
 * ("я напишу", "I'll call you").
 */

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

/** Imperatives and infinitives; first-person forms (напишу, позвоню, свяжусь) are left out on purpose. */
const RU_VERBS = [
  'напиши(?:те)?', 'написать', 'напишете', 'напишешь', 'пиши(?:те)?',
  'свяжи(?:те)?сь', 'связаться', 'свяжетесь', 'свяжешься', 'свяжемся',
  'напомни(?:те)?', 'напомнить',
  'позвони(?:те)?', 'позвонить', 'позвоните',
  'отпиши(?:те)?(?:сь)?', 'отписаться',
  'черкни(?:те)?', 'черкани(?:те)?', 'черкануть', 'черкнуть',
  'набери(?:те)?', 'набрать',
  'маякни(?:те)?', 'маякнуть', 'стукни(?:те)?',
  'спишемся', 'созвонимся', 'вернемся', 'вернуться', 'обсудим',
];
const EN_VERBS = [
  'write(?:\\s+(?:to\\s+)?(?:me|us|back))?', 'ping', 'contact', 'remind', 'call', 'text', 'message', 'email',
  'get\\s+back', 'reach\\s+out', 'follow\\s+up', 'touch\\s+base', 'catch\\s+up', 'talk', 'drop\\s+me\\s+a\\s+line',
];

const VERB = new RegExp(`${L}(?:${[...RU_VERBS, ...EN_VERBS].join('|')})${R}`, 'gu');
/** What just before the verb turns it around: negation, or the client speaking of themselves. */
const NOT_A_REQUEST_BEFORE = /(?:^|[^\p{L}])(?:не|ни|don't|dont|do not|never|not|no need to|i|i'll|i will|i'd|i would|we'll|we will)\s+$/u;

/** Words that say "later" without saying when: asking the client when is the right answer. */
const LATER = new RegExp(
  `${L}(?:позже|попозже|позднее|потом|через|в другой раз|как-нибудь|когда-нибудь|на днях|later|another time|some other time|sometime|in a while)${R}`,
  'u',
);

export interface ContactRequest {
  /** A verb asking us to write (call, remind …) later. */
  asked: boolean;
  /** The client said "later" in some form. */
  later: boolean;
}

export function readContactRequest(text: string): ContactRequest {
  const normalized = text.toLowerCase().replaceAll('ё', 'е').replace(/[\u2019\u02bc]/g, "'");
  let asked = false;
  for (const m of normalized.matchAll(VERB)) {
    if (!NOT_A_REQUEST_BEFORE.test(normalized.slice(Math.max(0, m.index - 20), m.index))) {
      asked = true;
      break;
    }
  }
  return { asked, later: LATER.test(normalized) };
}
