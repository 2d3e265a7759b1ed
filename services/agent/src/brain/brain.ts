import type { HistoryEntry } from '../db/history.js';

export type Language = 'ru' | 'en';

/** Everything a brain may decide on. */
export interface BrainInput {
  chatId: string;
  /** The chat's recent messages, oldest first, without the message being answered. */
  history: HistoryEntry[];
  /** The client's message. Time phrases in it are read from `at`, the moment the client wrote. */
  message: { messageId: number; text: string; at: Date; fromName?: string };
  /** The agent's clock now; later than `message.at` when the agent catches up on a backlog. */
  now: Date;
  /** The chat's IANA time zone. */
  timeZone: string;
  /** The language to answer in. */
  language: Language;
  /** The client said they do not want to be contacted and has not asked to be contacted since: schedule nothing. */
  optedOut: boolean;
}

/** A follow-up to send at `at`, with its text fixed now. */
export interface FollowUpRequest {
  at: Date;
  text: string;
  /** Why: the client's own words. */
  reason: string;
}

/**
 * What to do about a message. Everything is optional: an empty decision is silence.
 * The agent publishes cancellations, then schedules, then replies, so a confirmation never
 * promises what was not stored.
 */
export interface Decision {
  replies?: string[];
  schedule?: FollowUpRequest[];
  /** Cancel every live action of the chat (e.g. the client opted out). */
  cancelAll?: { reason: string };
  /** The client does not want to be contacted: the agent remembers it and schedules nothing until they ask again. */
  optOut?: boolean;
}

/**
 * Decides what the agent says and schedules: the rule brain, or Claude with tool calling
 * (falling back to the rule brain when unreachable). Deciding has no side effects; the agent
 * acts on the decision. Throwing makes the message be retried later.
 */
export interface Brain {
  readonly name: string;
  decide(input: BrainInput): Promise<Decision>;
}
