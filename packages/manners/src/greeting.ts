import { localParts } from '@followups/when';

/** The parts of the day a greeting can name. */
export type PartOfDay = 'morning' | 'day' | 'evening' | 'night';

type Language = 'ru' | 'en';

/**
 * Where a local hour falls: morning 05–11, day 12–17, evening 18–23, night 00–04. The edges are
 * the ones Russian speakers use ("добрый день" from noon, "добрый вечер" from 18:00); English
 * "afternoon" starts at noon too.
 */
export function partOfDay(hour: number): PartOfDay {
  if (hour < 5) return 'night';
  if (hour < 12) return 'morning';
  if (hour < 18) return 'day';
  return 'evening';
}

/**
 * What to say for each part of the day. At night both languages say a neutral hello: "Доброй
 * ночи" and "Good night" are said when parting, not when writing first, and "Good evening" at
 * 03:00 reads as a mistake.
 */
const GREETING: Record<Language, Record<PartOfDay, string>> = {
  ru: { morning: 'Доброе утро', day: 'Добрый день', evening: 'Добрый вечер', night: 'Здравствуйте' },
  en: { morning: 'Good morning', day: 'Good afternoon', evening: 'Good evening', night: 'Hello' },
};

/** The time-of-day greetings recognised at the start of a text, and the language each belongs to. */
const RECOGNISED: readonly { words: string; language: Language; part: PartOfDay }[] = [
  { words: 'доброе утро', language: 'ru', part: 'morning' },
  { words: 'добрый день', language: 'ru', part: 'day' },
  { words: 'добрый вечер', language: 'ru', part: 'evening' },
  { words: 'доброй ночи', language: 'ru', part: 'night' },
  { words: 'good morning', language: 'en', part: 'morning' },
  { words: 'good afternoon', language: 'en', part: 'day' },
  { words: 'good evening', language: 'en', part: 'evening' },
];

// Leading blanks, then the greeting (any case, any run of spaces between its words), ending where
// a word ends: "Добрый день!" and "Добрый день, Иван" match, "Добрый деньги" does not.
const OPENING = new RegExp(`^(\\s*)(${RECOGNISED.map((g) => g.words.replace(' ', '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** Whether `text` opens with a time-of-day greeting `fitGreeting` would look at: a caller can skip reading the zone when it does not. */
export const opensWithGreeting = (text: string): boolean => OPENING.test(text);

/**
 * A message written hours before it goes out ("Добрый день! Вы просили написать…", scheduled at
 * noon for 21:00) must not greet the wrong part of the day. If `text` opens with a time-of-day
 * greeting — ru: Доброе утро / Добрый день / Добрый вечер / Доброй ночи; en: Good morning /
 * Good afternoon / Good evening; any case — it is replaced by the one for the local hour at `at`
 * in `zone` (see partOfDay; at night a neutral "Здравствуйте" / "Hello"), keeping whatever follows
 * it ("!", ", Иван!") and the case style of its first letter (a lower-case "добрый день" stays
 * lower-case). Any other text, and a greeting that already fits, come back unchanged; so does the
 * text for a zone this runtime does not know, rather than failing a send over a greeting.
 *
 * @example fitGreeting('Добрый день! Удобно сейчас?', new Date('2026-11-20T13:00:00Z'), 'Asia/Makassar') // 'Добрый вечер! Удобно сейчас?' (21:00)
 */
export function fitGreeting(text: string, at: Date, zone: string): string {
  const m = OPENING.exec(text);
  if (!m) return text;
  const [whole, lead = '', said = ''] = m;
  const found = RECOGNISED.find((g) => said.toLowerCase().replace(/\s+/g, ' ') === g.words)!;
  let hour: number;
  try {
    hour = localParts(at, zone).hour;
  } catch {
    return text;
  }
  const part = partOfDay(hour);
  if (part === found.part) return text;
  return lead + inCaseOf(said, GREETING[found.language][part]) + text.slice(whole.length);
}

/** `fresh` written the way `said` was: ALL CAPS, lower case, or as a sentence starts. */
function inCaseOf(said: string, fresh: string): string {
  if (said === said.toUpperCase() && said !== said.toLowerCase()) return fresh.toUpperCase();
  const first = said.charAt(0);
  if (first === first.toLowerCase() && first !== first.toUpperCase()) return fresh.charAt(0).toLowerCase() + fresh.slice(1);
  return fresh;
}
