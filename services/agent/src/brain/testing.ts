import { sendingPolicy } from '@followups/manners';
import type { BrainInput } from './brain.js';

/** A policy that moves nothing (every hour open, no holidays), so a brain's own reading is what a test sees. */
export const anyTime = sendingPolicy({ sendWindow: { from: '00:00', to: '23:59', days: 'mon-sun' }, holidays: { country: null, fromChatZone: false }, limits: { maxDaysAhead: 366 } });

/** Shared by the brains' unit tests (not used by the service). Wednesday 2026-11-18 15:20 in Asia/Makassar. */
export const AT = new Date('2026-11-18T07:20:00.000Z');

export const brainInput = (text: string, over: Partial<BrainInput> = {}): BrainInput => ({
  chatId: '42',
  history: [],
  message: { messageId: 7, text, at: AT },
  timeText: over.message?.text ?? text,
  now: new Date(AT.getTime() + 2000),
  timeZone: 'Asia/Makassar',
  teamTimeZone: 'Asia/Makassar',
  zoneStated: false,
  pending: [],
  language: /\p{Script=Cyrillic}/u.test(text) ? 'ru' : 'en',
  sending: anyTime,
  ...over,
});
