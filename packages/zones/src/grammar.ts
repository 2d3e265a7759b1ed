/**
 * The words of the trigger grammar (normalised: lower case, `ё` as `е`). Kept apart from the
 * rules in find.ts so the README's description and the code read from one place.
 */

/**
 * The first word of a run before "в"/"in" must be one of these: a subject, or a verb that needs
 * none ("живу в Питере", "based in London"). "он живет в …", "you are in …" do not count.
 */
export const RUN_STARTS = new Set([
  'я', 'мы', "i'm", 'im', 'i', 'we', "we're",
  'живу', 'живем', 'проживаю', 'проживаем', 'нахожусь', 'находимся', 'базируюсь', 'базируемся',
  'based', 'located', 'live',
]);

/**
 * "Now" may open a run without a subject ("я из Москвы, сейчас на Бали") only when the place
 * ends the clause: "сейчас в Москве дождь" is about the weather there.
 */
export const SOFT_STARTS = new Set(['сейчас', 'щас', 'теперь', 'now', 'currently']);

/** Words that may stand between the subject and the preposition. */
export const RUN_WORDS = new Set([
  ...RUN_STARTS,
  'сейчас', 'щас', 'пока', 'уже', 'тоже', 'также', 'теперь', 'сам', 'сама', 'сами', 'вообще', 'постоянно', 'сейчас-то',
  'am', 'are', 'currently', 'now', 'also', 'still', 'living', 'staying', 'mostly', 'based', 'located', 'live', 'both',
]);

/** "I am in …" needs both words: "i" alone before "in" is no statement. */
export const EN_BARE_SUBJECTS = new Set(['i', 'we']);

/** "пишите по Алматы", "звоните по Москве": the place after "по" is then a clock. */
export const CONTACT_VERBS = new Set([
  'пишите', 'напишите', 'пиши', 'напиши', 'звоните', 'позвоните', 'звони', 'позвони', 'набирайте', 'наберите', 'время',
]);

/** Where one is: "в Москве", "на Бали", "in Berlin". */
export const LOCATIVE = new Set(['в', 'во', 'на', 'in']);
/** Where one is from: "из Москвы", "from Kazan". */
export const ORIGIN = new Set(['из', 'from']);

/** "по московскому времени", "по времени Екатеринбурга", "московское время". */
export const TIME_NOUNS = new Set(['времени', 'время', 'поясу', 'пояс']);

/**
 * After "по московскому" these words keep it a time reference ("по московскому в 10", "по
 * московскому, пожалуйста"); any other word makes it a street or a district ("по московскому
 * проспекту").
 */
export const AFTER_TIME_ADJECTIVE = new Set([
  'в', 'во', 'к', 'и', 'а', 'но', 'с', 'со', 'до', 'после', 'около', 'где', 'то', 'это', 'если', 'пожалуйста', 'удобно',
  'подойдет', 'подходит', 'можно', 'давайте', 'норм', 'ок', 'утра', 'вечера', 'дня', 'ночи', 'часов', 'часа', 'час',
]);

/**
 * Words that make a presence statement a plan or a memory ("я в Москве на следующей неделе",
 * "I'm in Berlin next week", "я в Москве не был", "мы в Минске были летом"): the clause is then
 * about a trip, not about where the client is. After "до"/"until" a day is when they leave, so
 * "я в Казани до пятницы" still counts.
 */
export const NOT_NOW = new Set([
  'не', 'нет', 'никогда', 'был', 'была', 'были', 'жил', 'жила', 'жили', 'учился', 'училась', 'работал', 'работала',
  'отдыхал', 'отдыхала', 'отдыхали', 'родился', 'родилась', 'вырос', 'выросла', 'летом', 'зимой', 'весной', 'осенью',
  'not', "isn't", "wasn't", "weren't", 'never', 'was', 'were', 'lived', 'used', 'last',
  'завтра', 'послезавтра', 'буду', 'будем', 'будет', 'приеду', 'приедем', 'прилечу', 'прилетим', 'прилетаю', 'прилетаем',
  'поеду', 'поедем', 'еду', 'едем', 'лечу', 'летим', 'вернусь', 'вернемся', 'скоро', 'следующей', 'следующем', 'следующий',
  'через', 'выходных', 'выходные', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье',
  'январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре',
  'tomorrow', 'next', 'will', "i'll", "we'll", 'going', 'soon', 'weekend', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december',
]);

/** "до пятницы", "until Friday": the day after these is the end of the stay. */
export const UNTIL = new Set(['до', 'until', 'till', 'through']);

/** What may open a one-place answer: "в Москве", "из Казани", "г. Алматы", "in Berlin". */
export const ANSWER_LEADS = new Map<string, 'prep' | 'gen' | 'nom'>([
  ['в', 'prep'], ['во', 'prep'], ['на', 'prep'], ['in', 'nom'], ['из', 'gen'], ['from', 'nom'],
  ['г', 'nom'], ['город', 'nom'], ['city', 'nom'],
]);

/** "my time is …", "my timezone is …", "часовой пояс …": what follows names the zone ("is" optional). */
export const ZONE_STATEMENTS: readonly (readonly string[])[] = [
  ['my', 'time'], ['my', 'timezone'], ['my', 'time', 'zone'], ['my', 'tz'], ['our', 'time'], ['our', 'timezone'],
  ['our', 'time', 'zone'], ['timezone'], ['time', 'zone'], ['часовой', 'пояс'], ['мое', 'время'], ['у', 'меня', 'время'],
  ['у', 'нас', 'время'],
];
