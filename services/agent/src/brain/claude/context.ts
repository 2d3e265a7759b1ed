import type { BrainInput } from '../brain.js';
import { localDateTimeText } from '../texts.js';
import { formatLocal, utcOffset } from './local-time.js';

const LANGUAGE_NAMES = { ru: 'Russian', en: 'English' } as const;

/**
 * What changes from message to message, sent after the cached system prompt: the client's local
 * date, weekday, time and zone, the language to answer in, and whether they opted out. "Now" is
 * the moment the client wrote, the same reference the proposal is checked against, so a
 * redelivered message is reasoned about exactly as the first time.
 */
export function conversationContext(input: BrainInput): string {
  const { message, timeZone, language } = input;
  const at = message.at;
  const lines = [
    '# Conversation context',
    `Client's local time now: ${localDateTimeText(at, timeZone, 'en')} (${formatLocal(at, timeZone)}), time zone ${timeZone} (UTC${utcOffset(at, timeZone)}).`,
    `Answer in ${LANGUAGE_NAMES[language]}.`,
  ];
  if (timeZone !== input.teamTimeZone) lines.push(`The team works in ${input.teamTimeZone}; always speak to the client in their own time (${timeZone}).`);
  else lines.push(`The client's own time zone is not known yet (${timeZone} is the team's): if they say where they are, call set_time_zone.`);
  if (message.fromName) lines.push(`The client's Telegram name: ${message.fromName.slice(0, 100)}.`);
  for (const p of input.pending) {
    const what = p.type === 'call' ? 'A call by a colleague' : 'A follow-up message';
    lines.push(`${what} was scheduled for ${formatLocal(p.at, timeZone)} (client's time). This message cancels a pending follow-up unless you schedule it again; a reply like "ok, thanks" keeps it automatically.`);
  }
  return lines.join('\n');
}
