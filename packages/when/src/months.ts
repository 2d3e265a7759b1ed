/** Month names as they stand next to a day number: "1 декабря", "Dec 1", "1st of December". */
const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_SHORT = [['янв'], ['фев', 'февр'], ['мар'], ['апр'], [], ['июн'], ['июл'], ['авг'], ['сен', 'сент'], ['окт'], ['ноя', 'нояб'], ['дек']];
/** "в декабре": a month without a day. */
const RU_PREPOSITIONAL = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
const EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EN_SHORT = [['jan'], ['feb'], ['mar'], ['apr'], [], ['jun'], ['jul'], ['aug'], ['sep', 'sept'], ['oct'], ['nov'], ['dec']];

function index(...lists: (string | string[])[][]): Map<string, number> {
  const map = new Map<string, number>();
  for (const list of lists) list.forEach((names, i) => [names].flat().forEach((n) => map.set(n, i + 1)));
  return map;
}

/** Month words that take a day number, 1–12. */
export const MONTHS = index(RU_GENITIVE, RU_SHORT, EN, EN_SHORT);
/** Month words that stand alone: "в декабре", "in December", "начале декабря". */
export const MONTHS_ALONE = index(RU_PREPOSITIONAL, RU_GENITIVE, EN);

/**
 * Month words that name a month with no preposition: "март", "March". Not "may" ("I may call"),
 * and not the genitive ("марта" wants a day or "начало").
 */
const RU_NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
export const MONTHS_NOMINATIVE = index(RU_NOMINATIVE, EN.map((m) => (m === 'may' ? [] : m)));

/** A regex alternative of the month words, longest first so "сент" is not read as "сен". */
export const MONTH_PATTERN = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
