import type { AttentionReason } from '@followups/contracts';
import type { SendingPolicy } from '@followups/manners';
import type { HistoryEntry } from '../db/history.js';

export type Language = 'ru' | 'en';

/** Everything a brain may decide on. */
export interface BrainInput {
  chatId: string;
  /** The chat's recent messages, oldest first, without the message being answered. */
  history: HistoryEntry[];
  /** The client's message. Time phrases in it are read from `at`, the moment the client wrote. */
  message: { messageId: number; text: string; at: Date; fromName?: string };
  /** What the resolver reads: the message without the words that named a time zone ("по московскому", "UTC+3"). */
  timeText: string;
  /** The agent's clock now; later than `message.at` when the agent catches up on a backlog. */
  now: Date;
  /** The chat's IANA time zone (the one this message names, if it names one). */
  timeZone: string;
  /** The team's zone (DEFAULT_TIME_ZONE): when the chat's differs, confirmations name the chat's. */
  teamTimeZone: string;
  /** This message named the client's zone (already in `timeZone`). */
  zoneStated: boolean;
  /** Follow-ups and calls that were waiting when the client wrote, soonest first. */
  pending: PendingAction[];
  /** The language to answer in. */
  language: Language;
  /**
   * Where a follow-up may land: within the horizon, inside the chat's send window, off a public
   * holiday when the client named only a day. The confirmation names the time it gives.
   */
  sending: Pick<SendingPolicy, 'horizonMs' | 'place'>;
}

export interface PendingAction {
  type: 'follow_up' | 'call';
  at: Date;
  text: string;
}

/** Something to do at `at`: a follow-up message (its text fixed now) or a call for the team (`text` is the note). */
export interface ScheduleRequest {
  type: 'follow_up' | 'call';
  at: Date;
  text: string;
  /** Why: the client's own words. */
  reason: string;
}

/** A meeting agreed with the client; reminders go to them before it. One per chat: booking again moves it. */
export interface MeetingRequest {
  at: Date;
  title: string;
}

/** A human should look at the chat. */
export interface AttentionRequest {
  /** One of the contract's known reasons, so operators' filters and the CLI see a closed set from the agent. */
  reason: AttentionReason;
  /** What the bot would do, for the operator: "write on Friday 10:00 (Europe/Moscow)". */
  suggested?: string;
}

/**
 * What to do about a message. Everything is optional: an empty decision is silence.
 * The agent publishes cancellations, then schedules, then replies, so a confirmation never
 * promises what was not stored.
 */
export interface Decision {
  replies?: string[];
  schedule?: ScheduleRequest[];
  /** Cancel every live action of the chat (the client opted out). */
  cancelAll?: { reason: string };
  /** Cancel the live actions scheduled before this message (of these types; all when omitted): a plan called off or replaced. */
  cancelEarlier?: { reason: string; types?: ('follow_up' | 'call')[] };
  /** The client does not want to be contacted: the chat is marked do-not-contact until an operator clears it. */
  optOut?: boolean;
  /** Hand the chat to a human (`ops.attention`). */
  attention?: AttentionRequest;
  /** The brain learnt the client's time zone from the conversation. */
  timeZone?: string;
  /** A meeting booked (or moved) in this message: `meeting.booked`, its reminders follow. */
  meeting?: MeetingRequest;
  /** The meeting agreed earlier is off: `meeting.cancelled`. */
  cancelMeeting?: { reason: string };
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
