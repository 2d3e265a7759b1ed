import { CANONICAL_CHAT_ID } from './schemas/common.js';

/**
 * Every NATS subject the services use. `<chat>` is the client's Telegram chat id (decimal).
 * Build concrete subjects with the functions, subscribe with the wildcards.
 */
export const subjects = {
  convIn: (chatId: string) => `conv.in.${chatId}`,
  convOut: (chatId: string) => `conv.out.${chatId}`,
  agentReply: (chatId: string) => `agent.reply.${chatId}`,
  scheduleIntent: (chatId: string) => `schedule.intent.${chatId}`,
  scheduleCancel: (chatId: string) => `schedule.cancel.${chatId}`,
  scheduleDue: (chatId: string) => `schedule.due.${chatId}`,
  meetingBooked: (chatId: string) => `meeting.booked.${chatId}`,
  meetingCancelled: (chatId: string) => `meeting.cancelled.${chatId}`,
  /** Request/reply, not stored: the agent writes a follow-up at fire time (see composeRequestSchema). */
  agentCompose: (chatId: string) => `agent.compose.${chatId}`,
  opsTakeover: (chatId: string) => `ops.takeover.${chatId}`,
  opsRelease: (chatId: string) => `ops.release.${chatId}`,
  /** A human should look at this chat: a question, a complaint, a call that is due. */
  opsAttention: (chatId: string) => `ops.attention.${chatId}`,
  /** An operator dealt with the chat's open attention items (`followups attention done`). */
  opsAttended: (chatId: string) => `ops.attended.${chatId}`,
  sandboxClient: (chatId: string) => `sandbox.client.${chatId}`,
  sandboxOperator: (chatId: string) => `sandbox.operator.${chatId}`,
  sandboxDelivered: (chatId: string) => `sandbox.delivered.${chatId}`,
  /**
   * Where the sandbox transport publishes a send. The SANDBOX_DELIVERED stream stores it (or drops
   * it as a duplicate random id) and re-publishes only what it stored on `sandbox.delivered.<chat>`,
   * so a subscriber there never sees a refused send.
   */
  sandboxOutbox: (chatId: string) => `sandbox.outbox.${chatId}`,
  /** Who owns an account's Telegram session: one holder at a time (compare-and-set on this subject). */
  telegramLease: (account: string) => `lease.telegram.${account}`,
  /** Where an account's update stream stood (pts, qts, date, seq): what a restart catches up from. */
  telegramState: (account: string) => `telegram.state.${account}`,
  /** Request/reply: send a message from the account; answered by the session's holder only. */
  telegramSend: (account: string) => `telegram.send.${account}`,
  /** What the holder sent or is about to send (random id, text, message id): never taken for an operator's message. */
  telegramSent: (account: string) => `telegram.sent.${account}`,
  /** A client's access hash, learnt from an update: what a send to that user needs. */
  telegramPeer: (account: string, userId: string) => `telegram.peer.${account}.${userId}`,
  /** The session's state as its holder last reported it (connected, revoked…). */
  telegramStatus: (account: string) => `telegram.status.${account}`,
  /** Where a consumer puts a message it cannot process: `dlq.<original subject>`. */
  deadLetter: (originalSubject: string) => `dlq.${originalSubject}`,
} as const;

export const wildcards = {
  convIn: 'conv.in.>',
  convOut: 'conv.out.>',
  agentReply: 'agent.reply.>',
  scheduleIntent: 'schedule.intent.>',
  scheduleCancel: 'schedule.cancel.>',
  scheduleDue: 'schedule.due.>',
  meetingBooked: 'meeting.booked.>',
  meetingCancelled: 'meeting.cancelled.>',
  agentCompose: 'agent.compose.*',
  opsTakeover: 'ops.takeover.>',
  opsRelease: 'ops.release.>',
  opsAttention: 'ops.attention.>',
  opsAttended: 'ops.attended.>',
  sandboxClient: 'sandbox.client.>',
  sandboxOperator: 'sandbox.operator.>',
  sandboxDelivered: 'sandbox.delivered.>',
  sandboxOutbox: 'sandbox.outbox.>',
  deadLetter: 'dlq.>',
  leases: 'lease.>',
  telegramState: 'telegram.state.>',
  telegramPeer: 'telegram.peer.>',
  telegramStatus: 'telegram.status.>',
  telegramSent: 'telegram.sent.>',
} as const;

/** Subject families, named by their first two tokens: the key of the schema that validates them. */
export type SubjectFamily =
  | 'conv.in'
  | 'conv.out'
  | 'agent.reply'
  | 'schedule.intent'
  | 'schedule.cancel'
  | 'schedule.due'
  | 'meeting.booked'
  | 'meeting.cancelled'
  | 'ops.takeover'
  | 'ops.release'
  | 'ops.attention'
  | 'ops.attended'
  | 'sandbox.client'
  | 'sandbox.operator'
  | 'sandbox.delivered'
  | 'sandbox.outbox';


/** The canonical form only (see CANONICAL_CHAT_ID): `conv.in.0810000187` is not a chat's subject. */
const CHAT_ID = CANONICAL_CHAT_ID;

/**
 * Splits `conv.in.123` into its family and chat id; `null` when the subject is not one of ours
 * or its last token is not a decimal chat id.
 */
export function parseSubject(subject: string): { family: SubjectFamily; chatId: string } | null {
  const tokens = subject.split('.');
  if (tokens.length !== 3) return null;
  const [a, b, chatId] = tokens as [string, string, string];
  const family = `${a}.${b}`;
  if (!FAMILIES.has(family) || !CHAT_ID.test(chatId)) return null;
  return { family: family as SubjectFamily, chatId };
}

const FAMILIES = new Set<string>(Object.entries(wildcards).filter(([k]) => !['deadLetter', 'leases', 'telegramState', 'telegramPeer', 'telegramStatus', 'telegramSent', 'agentCompose'].includes(k)).map(([, w]) => w.slice(0, -2)));
