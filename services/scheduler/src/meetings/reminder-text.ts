import { localParts } from '@followups/when';

const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The reminder a client receives at `remindAt` about a meeting at `meetingAt`, in their zone and
 * language, named relative to the moment it is read: "Напоминаю о нашей встрече «Демонстрация
 * виллы» завтра в 15:00." / "A reminder of our meeting “Villa demo” today at 15:00."
 */
export function reminderText(meeting: { title?: string | undefined; at: Date }, remindAt: Date, zone: string, language: 'ru' | 'en'): string {
  const m = localParts(meeting.at, zone);
  const r = localParts(remindAt, zone);
  const clock = `${m.hour}:${String(m.minute).padStart(2, '0')}`;
  const days = Math.round((Date.UTC(m.year, m.month - 1, m.day) - Date.UTC(r.year, r.month - 1, r.day)) / 86_400_000);
  if (language === 'en') {
    const when = days === 0 ? `today at ${clock}` : days === 1 ? `tomorrow at ${clock}` : `on ${m.day} ${EN_MONTHS[m.month - 1]} at ${clock}`;
    return `A reminder of our meeting${meeting.title ? ` “${meeting.title}”` : ''} ${when}.`;
  }
  const when = days === 0 ? `сегодня в ${clock}` : days === 1 ? `завтра в ${clock}` : `${m.day} ${RU_MONTHS[m.month - 1]} в ${clock}`;
  return `Напоминаю о нашей встрече${meeting.title ? ` «${meeting.title}»` : ''} ${when}.`;
}
