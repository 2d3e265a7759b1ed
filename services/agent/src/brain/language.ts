import type { Language } from './brain.js';

/** Cyrillic → ru, a Latin word → en; null when the text has no words ("7d", "15:00", "👍"). */
export function detectLanguage(text: string): Language | null {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  if (/\p{Script=Latin}{2}/u.test(text)) return 'en';
  return null;
}

/** The answer's language: this message's, else the chat's last known, else Telegram's hint, else English. */
export function chooseLanguage(detected: Language | null, known: string | null, telegramCode: string | undefined): Language {
  if (detected) return detected;
  if (known === 'ru' || known === 'en') return known;
  return telegramCode?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
