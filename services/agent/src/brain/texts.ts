import { addDays, localParts, sameDate } from '@followups/when';
import type { Language } from './brain.js';

/** The agent's words, per language. Own tables rather than Intl locale data, so output never shifts with ICU. */
const RU_WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу'];
const RU_WEEKDAYS_NOMINATIVE = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const followUpText: Record<Language, string> = {
  ru: 'Добрый день! Вы просили написать — удобно сейчас продолжить?',
  en: 'Hi! You asked me to get back to you — is now a good time to continue?',
};

export const askWhenText: Record<Language, string> = {
  ru: 'Когда вам удобно, чтобы я написал?',
  en: 'When would be a good time for me to write to you?',
};

/** "Хорошо, напишу вам в пятницу, 20 ноября, в 10:00" / "Sure, I'll write to you on Friday, 20 November at 10:00". */
export function confirmationText(at: Date, now: Date, timeZone: string, language: Language): string {
  const when = describeWhen(at, now, timeZone, language);
  return language === 'ru' ? `Хорошо, напишу вам ${when}` : `Sure, I'll write to you ${when}`;
}

/**
 * When `at` is, as the client reads it in their zone: "сегодня в 17:20", "завтра в 10:00",
 * "во вторник, 24 ноября, в 10:00"; "today at 17:20", "on Friday, 20 November at 10:00".
 * The year is named only when it is not the current one. 24-hour time.
 */
export function describeWhen(at: Date, now: Date, timeZone: string, language: Language): string {
  const target = localParts(at, timeZone);
  const today = localParts(now, timeZone);
  const hhmm = `${target.hour}:${String(target.minute).padStart(2, '0')}`; // 24-hour, "9:30", "17:20"
  const isToday = sameDate(target, today);
  const isTomorrow = sameDate(target, addDays(today, 1));
  const year = target.year === today.year ? '' : ` ${target.year}`;
  if (language === 'ru') {
    if (isToday) return `сегодня в ${hhmm}`;
    if (isTomorrow) return `завтра в ${hhmm}`;
    const preposition = target.weekday === 2 ? 'во' : 'в'; // во вторник
    return `${preposition} ${RU_WEEKDAYS[target.weekday]}, ${target.day} ${RU_MONTHS[target.month - 1]}${year}, в ${hhmm}`;
  }
  if (isToday) return `today at ${hhmm}`;
  if (isTomorrow) return `tomorrow at ${hhmm}`;
  return `on ${EN_WEEKDAYS[target.weekday]}, ${target.day} ${EN_MONTHS[target.month - 1]}${year} at ${hhmm}`;
}

/**
 * A moment as a wall clock in the zone shows it, always with weekday, date and year:
 * "понедельник, 23 ноября 2026, 10:00" / "Monday, 23 November 2026, 10:00". What Claude is told
 * was stored, so its confirmation names the real day even when that day is "tomorrow".
 */
export function localDateTimeText(at: Date, timeZone: string, language: Language): string {
  const t = localParts(at, timeZone);
  const hhmm = `${t.hour}:${String(t.minute).padStart(2, '0')}`;
  return language === 'ru'
    ? `${RU_WEEKDAYS_NOMINATIVE[t.weekday]}, ${t.day} ${RU_MONTHS[t.month - 1]} ${t.year}, ${hhmm}`
    : `${EN_WEEKDAYS[t.weekday]}, ${t.day} ${EN_MONTHS[t.month - 1]} ${t.year}, ${hhmm}`;
}
