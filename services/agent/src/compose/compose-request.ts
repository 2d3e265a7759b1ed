import type Anthropic from '@anthropic-ai/sdk';
import { formatLocal, utcOffset } from '../brain/claude/local-time.js';
import type { Language } from '../brain/brain.js';
import { localDateTimeText } from '../brain/texts.js';
import type { HistoryEntry } from '../db/history.js';

/** What a follow-up is written from: the conversation as it is when the follow-up is due. */
export interface ComposeInput {
  chatId: string;
  /** The chat's recent messages, oldest first. */
  history: readonly HistoryEntry[];
  /** When it goes out: the client's local time at that moment is what the text may refer to. */
  dueAt: Date;
  /** The chat's IANA zone. */
  timeZone: string;
  language: Language;
  /** Why it was scheduled (the client's words), possibly empty. */
  reason: string;
  /** The text fixed when it was scheduled: a draft to improve on, and what goes if we fail. */
  draft: string;
}

/** The longest text Claude is asked for; a follow-up is one short Telegram message. */
export const COMPOSE_TARGET_CHARS = 500;

const LANGUAGE_NAMES = { ru: 'Russian', en: 'English' } as const;

/**
 * Its own instructions, not the operators' sales prompt: that one is about answering a message
 * with tools, and with no tools offered it would have Claude describe calls it cannot make.
 */
const INSTRUCTIONS = `You write one follow-up message from a sales team to a client in Telegram. Earlier the client asked to be contacted later; that time has come. You are given the conversation so far and the message planned when the follow-up was scheduled.

Write the message that goes out now:
- It picks up the conversation where it stopped: mention what was being discussed, naturally, as a polite, warm, brief human salesperson would.
- One to three short sentences, at most ${COMPOSE_TARGET_CHARS} characters, no lists, no markdown, no placeholders.
- Never invent prices, availability, discounts or promises.
- If you greet, the greeting must fit the client's local time given below.
- Reply with the message text only: no quotes around it, no comments, no explanations. It is sent as it is.`;

/** The request for one follow-up: one call, no tools. */
export function buildComposeRequest(settings: { model: string; maxTokens: number }, input: ComposeInput): Anthropic.MessageCreateParamsNonStreaming {
  return {
    model: settings.model,
    max_tokens: settings.maxTokens,
    system: [
      { type: 'text', text: INSTRUCTIONS },
      { type: 'text', text: composeContext(input) },
    ],
    messages: [{ role: 'user', content: transcript(input) }],
  };
}

/** The client's local time when the message goes out, the language, and why it was scheduled. */
function composeContext(input: ComposeInput): string {
  const { dueAt, timeZone } = input;
  const lines = [
    '# Context',
    `Client's local time when the message goes out: ${localDateTimeText(dueAt, timeZone, 'en')} (${formatLocal(dueAt, timeZone)}), time zone ${timeZone} (UTC${utcOffset(dueAt, timeZone)}).`,
    `Write in ${LANGUAGE_NAMES[input.language]}.`,
  ];
  if (input.reason.trim()) lines.push(`Why the follow-up was scheduled: ${input.reason.trim()}`);
  return lines.join('\n');
}

/**
 * The conversation as one user turn, each line marked with who said it and when (client's time).
 * Not as alternating turns: the last turn is then our request to write, never a client message
 * Claude might take as one to answer.
 */
function transcript(input: ComposeInput): string {
  const lines = input.history
    .filter((h) => h.text.trim() !== '')
    .map((h) => `[${formatLocal(h.at, input.timeZone)}] ${h.role === 'client' ? 'Client' : 'You'}: ${h.text.trim()}`);
  return [
    '# Conversation so far (oldest first)',
    lines.length ? lines.join('\n') : '(no messages kept)',
    '',
    '# Message planned when the follow-up was scheduled',
    input.draft,
    '',
    'Write the follow-up message now.',
  ].join('\n');
}
