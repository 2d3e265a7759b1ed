import { alternation } from './clock-parts.js';
import { MONTH_PATTERN } from './months.js';
import { ORDINAL_UNIT_AHEAD } from './ordinals.js';
import { B_END } from './text.js';

// What may follow "в 5", "at 5", "около 5" and make the number a count, a measure or a day, not an hour.
// A bare hour after a preposition is a time unless one of these follows ("в 5 удобно?", "at 5
// then", "к 5 подъеду" are times; "в 2 раза", "в 5 минутах от моря", "about 5 people" are not).
// A list of what is *not* a time, because what may follow a time is open: any verb, any filler.

/** Whole words: a unit, a counter or a counted thing. */
const WORDS = [
  // Russian counters, units, amounts and things clients count
  'раз', 'раза', 'разика', 'мин', 'сек', 'дней', 'дня', 'день', 'денька', 'суток', 'сутки', 'лет', 'год', 'года', 'году', 'годам', 'годика',
  'ночей', 'ночь', 'км', 'м', 'м2', 'мм', 'см', 'кв', 'га', 'кг', 'л', 'р', 'шт', 'чел', 'тыс', 'млн', 'евро', 'баксов',
  'человек', 'людей', 'гостей', 'гостя', 'персон', 'ребенка', 'ребенок', 'детей', 'места', 'мест', 'сотки', 'соток',
  // forms only, where the stem would also start a time's next word ("метро", "рядом", "подходит", "сложно", "приемлемо")
  'метр', 'метра', 'метров', 'ряд', 'ряда', 'рядов', 'слой', 'слоя', 'слоев', 'смены', 'приема', 'приемов', 'подхода', 'подходов',
  'класс', 'класса', 'классе', 'классов', 'захода', 'заходов', 'руки', 'спален', 'уровень', 'попытки', 'попыток', 'звонка', 'звонков',
  'езды', 'ходьбы', 'пешком', 'лету', 'перелета',
  // English
  'x', 'times', 'percent', 'pct', 'people', 'persons', 'person', 'ppl', 'pax', 'guests', 'adults', 'kids', 'children', 'child',
  'members', 'users', 'seats', 'licenses', 'licences', 'rooms', 'room', 'bedrooms', 'bedroom', 'beds', 'bed', 'bathrooms', 'baths',
  'br', 'bdr', 'villas', 'villa', 'houses', 'apartments', 'units', 'nights', 'night', 'days', 'day', 'weeks', 'week', 'wk', 'wks',
  'months', 'month', 'years', 'year', 'yrs', 'yr', 'hours', 'hour', 'hrs', 'hr', 'minutes', 'minute', 'mins', 'min', 'seconds',
  'secs', 'sec', 'km', 'kms', 'kilometers', 'kilometres', 'miles', 'mile', 'mi', 'meters', 'metres', 'm', 'ft', 'feet', 'foot',
  'floors', 'floor', 'storey', 'stories', 'levels', 'stars', 'star', 'pieces', 'pcs', 'items', 'dollars', 'bucks', 'usd', 'eur',
  'euros', 'k', 'grand', 'million', 'mln', 'billion', 'steps', 'blocks', 'points', 'point', 'degrees', 'kg', 'lbs', 'tickets',
  'locations', 'places', 'properties', 'options', 'cars', 'more', 'less', 'extra', 'additional', 'others', 'other', 'out', 'из',
  'tries', 'attempts', 'calls', 'different', 'separate', 'various', 'drive', 'walk', 'flight', 'ride', 'grade', 'votes',
];

/** Russian stems whose every form counts: "минутах", "метрах", "этаже", "процентов", "комнатная", "рублей". */
const STEMS = [
  'минут', 'секунд', 'недел', 'месяц', 'километр', 'этаж', 'процент', 'руб', 'тысяч', 'миллион', 'долл', 'штук',
  'взросл', 'комнат', 'спальн', 'уровн', 'вилл', 'квартир', 'апартамент', 'номер', 'звезд', 'шаг', 'этап', 'платеж', 'взнос', 'транш',
  'экземпляр', 'клик', 'балл', 'градус', 'литр', 'гектар', 'квадрат', 'вариант', 'объект',
];

const COUNTED = new RegExp(
  '^(?:' +
    // glued to the number: "5k", "5x", "5th", "5км", an ordinal "15-го", "5-й", "к 5-му"
    '-?\\p{L}' +
    // a sign: "5%", "5 $", "5×", "5+"
    '|\\s*[%$€₽£×*+/]' +
    // a size or a share: "2 на 3", "2 x 3", "3 из 5", "2 by 3"
    '|\\s*(?:на|x|х|by|из|of)\\s*\\d' +
    // "about 10 of us", "3 out of 5"; not "at 5 of course"
    `|\\s+of\\s+(?!course${B_END})` +
    // a unit, possibly after a range: "в 2 раза", "в 5-10 минутах", "about 5 or 6 people"
    `|(?:\\s*(?:-|до|to|or|или|и|and)\\s*\\d{1,2}(?:[.,]\\d+)?)?\\s*(?:(?:${alternation(WORDS)})${B_END}|(?:${alternation(STEMS)})\\p{L}*)` +
    // a day of a month: "после 20 числа", "к 5 декабря", "by 3 March"
    `|\\s*(?:числа|число|числу|${MONTH_PATTERN})\\.?${B_END}` +
    // a Russian prepositional plural is a measure after "в N": "в 5 минутах", "в двух шагах", "в 3 кварталах"
    '|\\s+\\p{Script=Cyrillic}+[ая]х' + B_END +
  ')',
  'u',
);

/** What may be glued to a bare hour and leave it an hour: "5ish", "к 5-ти" (к пяти). */
const GLUED_HOUR = /^-?(?:ish|ти)(?![\p{L}])/u;

/** Whether `after`, the text right after a number, makes it a count or a measure rather than an hour. */
export function countsSomething(after: string): boolean {
  return COUNTED.test(after.replace(GLUED_HOUR, '')) || ORDINAL_UNIT_AHEAD.test(after);
}
