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
  if (message.fromName) lines.push(`The client's Telegram name: ${message.fromName.slice(0, 100)}.`);
  if (input.optedOut) lines.push('This client asked not to be contacted and has not asked to be contacted again: do not schedule follow-ups.');
  return lines.join('\n');
}
