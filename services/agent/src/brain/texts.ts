import { addDays, localParts, sameDate } from '@followups/when';
import { zoneLabel } from '@followups/zones';
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

export const askWhenCallText: Record<Language, string> = {
  ru: 'Когда вам удобно, чтобы мы позвонили?',
  en: 'When would be a good time for us to call you?',
};

/** Our question about when, answered with something we could not place: ask once more, with examples. */
export const clarifyWhenText: Record<Language, string> = {
  ru: 'Не совсем понял, когда вам удобно. Подскажите, пожалуйста, день и время — например, «в понедельник в 11» или «15 января».',
  en: 'Sorry, I did not quite get when suits you. Could you name a day and time — for example "Monday at 11" or "January 15"?',
};

export const clarifyWhenCallText: Record<Language, string> = {
  ru: 'Не совсем понял, когда вам удобно, чтобы мы позвонили. Подскажите, пожалуйста, день и время — например, «завтра в 11».',
  en: 'Sorry, I did not quite get when we should call. Could you name a day and time — for example "tomorrow at 11"?',
};

export const goodbyeText: Record<Language, string> = {
  ru: 'Понял, больше не будем вам писать. Если передумаете — просто напишите нам. Всего доброго!',
  en: "Understood — we won't message you again. If you change your mind, just write to us. All the best!",
};

export const questionHandedOverText: Record<Language, string> = {
  ru: 'Хороший вопрос! Передал его коллеге — он ответит вам здесь в ближайшее время.',
  en: "Good question — I've passed it to a colleague, who will answer you here shortly.",
};

export const complaintHandedOverText: Record<Language, string> = {
  ru: 'Мне очень жаль. Я передал ваше сообщение коллеге — он свяжется с вами здесь как можно скорее.',
  en: "I'm sorry to hear that. I've passed your message to a colleague, who will get back to you here as soon as possible.",
};

export const callSoonText: Record<Language, string> = {
  ru: 'Хорошо, передал коллегам — вам позвонят в ближайшее время.',
  en: "Sure — I've asked a colleague to call you shortly.",
};

export const courtesyText: Record<Language, string> = {
  ru: 'Пожалуйста! Если появятся вопросы — пишите.',
  en: "You're welcome! If anything comes up, just write here.",
};

export const greetingText: Record<Language, string> = {
  ru: 'Здравствуйте! Чем могу помочь?',
  en: 'Hello! How can I help?',
};

/** Where the chat's zone is not the team's, the time is named in it: "в 10:00 по московскому времени". */
export interface ZoneNaming {
  timeZone: string;
  teamTimeZone: string;
}

/** "Хорошо, напишу вам в пятницу, 20 ноября, в 10:00" / "Sure, I'll write to you on Friday, 20 November at 10:00". */
export function confirmationText(at: Date, now: Date, zone: ZoneNaming, language: Language): string {
  const when = describeWhenInZone(at, now, zone, language);
  return language === 'ru' ? `Хорошо, напишу вам ${when}` : `Sure, I'll write to you ${when}`;
}

/** "Хорошо, наберём вам завтра в 11:00" / "Sure, we'll call you tomorrow at 11:00". */
export function callConfirmationText(at: Date, now: Date, zone: ZoneNaming, language: Language): string {
  const when = describeWhenInZone(at, now, zone, language);
  return language === 'ru' ? `Хорошо, наберём вам ${when}` : `Sure, we'll call you ${when}`;
}

/** "Понял, буду писать по московскому времени" / "Got it, I'll use Moscow time". */
export function zoneNotedText(timeZone: string, at: Date, language: Language): string {
  return language === 'ru' ? `Понял, буду ориентироваться ${zoneLabel(timeZone, 'ru', at)}.` : `Got it, I'll go by ${zoneLabel(timeZone, 'en', at)}.`;
}

/** describeWhen, with the zone named when it is not the team's. */
export function describeWhenInZone(at: Date, now: Date, zone: ZoneNaming, language: Language): string {
  const when = describeWhen(at, now, zone.timeZone, language);
  if (zone.timeZone === zone.teamTimeZone) return when;
  return `${when} ${zoneLabel(zone.timeZone, language, at)}`;
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
