/**
 * The vocabulary a message made only of a time uses ("ок, давайте через недельку", "next week
 * then", "можно в четверг после обеда?"): the resolver's words (numbers, units, days, months,
 * parts of day, prepositions) and the filler people wrap a time in. A message with any other word
 * says something besides the time, and a bare time in it is not taken as a request.
 */
const TIME_STEMS = [
  // numbers, clock times, compact forms: 10, 10:30, 25-го, 3d, 2h, 15h30, 1st
  '\\d+(?:[-.:]?(?:го|е|ого|ое|th|st|nd|rd|h|ч|m|d|w|мин|ч))?', '\\d+[hч]\\d+', 'ноль', 'одн\\p{L}*', 'один', 'два', 'две', 'двух', 'три', 'трех', 'четыр\\p{L}*',
  'пят\\p{L}*', 'шест\\p{L}*', 'сем\\p{L}*', 'восьм\\p{L}*', 'восем\\p{L}*', 'девят\\p{L}*', 'десят\\p{L}*', '\\p{L}*надцат\\p{L}*', 'двадцат\\p{L}*', 'тридцат\\p{L}*', 'сорок\\p{L}*',
  'перв\\p{L}*', 'втор\\p{L}*', 'трет\\p{L}*', 'четверт\\p{L}*', 'пол', 'полчас\\p{L}*', 'полтор\\p{L}*', 'половин\\p{L}*', 'четверть', 'без', 'пар[уаы]', 'парочк\\p{L}*', 'нескольк\\p{L}*',
  // units and days
  'секунд\\p{L}*', 'минут\\p{L}*', 'мин', 'час\\p{L}*', 'сут\\p{L}*', 'дн\\p{L}*', 'день', 'ден[её]к', 'недел\\p{L}*', 'месяц\\p{L}*', 'год\\p{L}*', 'лет',
  'сегодня', 'завтра', 'послезавтра', 'утр\\p{L}*', 'вечер\\p{L}*', 'ноч\\p{L}*', 'дн[её]м', 'обед\\p{L}*', 'полд\\p{L}*', 'полноч\\p{L}*',
  'понедельник\\p{L}*', 'вторник\\p{L}*', 'сред\\p{L}*', 'четверг\\p{L}*', 'пятниц\\p{L}*', 'суббот\\p{L}*', 'воскресень\\p{L}*', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс', 'будн\\p{L}*', 'выходн\\p{L}*',
  'январ\\p{L}*', 'феврал\\p{L}*', 'март\\p{L}*', 'апрел\\p{L}*', 'ма[йяе]', 'июн\\p{L}*', 'июл\\p{L}*', 'август\\p{L}*', 'сентябр\\p{L}*', 'октябр\\p{L}*', 'ноябр\\p{L}*', 'декабр\\p{L}*',
  'начал\\p{L}*', 'конц\\p{L}*', 'конец', 'середин\\p{L}*', 'следующ\\p{L}*', 'будущ\\p{L}*', 'эт[аоуиы]\\p{L}*', 'текущ\\p{L}*', 'ближайш\\p{L}*', 'числ\\p{L}*', 'врем\\p{L}*', 'пораньше', 'ровно', 'примерно', 'около', 'где-то', 'ближе', 'часик\\p{L}*',
  'в', 'во', 'на', 'через', 'после', 'к', 'ко', 'до', 'с', 'со', 'по', 'под', 'за', 'же', 'это',
  // English
  'in', 'on', 'at', 'by', 'around', 'about', 'after', 'before', 'next', 'this', 'coming', 'the', 'a', 'an', 'of', 'from', 'until', 'till', 'til', 'to', 'past', 'half', 'quarter',
  'days?', 'weeks?', 'wks?', 'weekend', 'months?', 'years?', 'hours?', 'hrs?', 'h', 'minutes?', 'mins?', 'm', 'secs?', 'seconds?',
  'today', 'tomorrow', 'tmrw', 'tmr', 'tomorow', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'noon', 'midday', 'midnight', 'lunch', 'lunchtime', 'early', 'late', 'end', 'mid', 'middle', 'beginning', 'start', 'first', 'second', 'third', 'fourth', 'last',
  "o'clock", 'oclock', 'am', 'pm', 'a\\.m', 'p\\.m', 'ish',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'weekday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'couple', 'few', 'several',
];

const FILLER = [
  'давайте', 'давай', 'ок', 'окей', 'оке', 'хорошо', 'ладно', 'да', 'ага', 'угу', 'ну', 'тогда', 'лучше', 'можно', 'может', 'можем', 'пожалуйста', 'плиз', 'пж', 'пжл',
  'спасибо', 'наверное', 'думаю', 'мне', 'нам', 'удобно', 'удобнее', 'будет', 'было', 'бы', 'так', 'вот', 'а', 'и', 'или', 'уж', 'уже', 'ли', 'то', 'как', 'раз', 'еще', 'тоже',
  'отлично', 'супер', 'норм', 'го', 'вариант', 'подойдет', 'устроит', 'идет', 'пойдет', 'согласен', 'согласна', 'пусть', 'лучшe', 'желательно', 'ориентировочно', 'хотя', 'нет',
  'ok', 'okay', 'k', 'sure', 'yes', 'yeah', 'yep', 'fine', 'alright', 'then', 'please', 'pls', 'plz', 'maybe', 'perhaps', "let's", 'lets', 'let', 'us', 'how', 'what', 'say',
  'sounds', 'good', 'great', 'works', 'work', 'for', 'me', 'better', 'best', 'thanks', 'thank', 'you', 'and', 'or', 'so', 'well', 'i', 'think', 'guess', 'probably', 'would', 'be',
  'is', 'it', 'that', 'hmm', 'ideally', 'no', 'actually', 'instead', 'rather', 'prefer', 'perfect', 'cool',
];

const ANY = new RegExp(`^(?:${[...TIME_STEMS, ...FILLER].join('|')})$`, 'u');

/** Whether every word of the normalised text is a time word or filler. */
export function onlyTimeWords(tokens: readonly string[]): boolean {
  return tokens.every((t) => ANY.test(t));
}
