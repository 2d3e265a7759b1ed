import { wildcards } from './subjects.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A JetStream stream, described without the client library so the contracts stay a leaf.
 * Created or updated idempotently at start-up by each service that needs it.
 */
export interface StreamDef {
  name: string;
  subjects: string[];
  description: string;
  /** 0 = keep forever. */
  maxAgeMs: number;
  /** Window in which a repeated `Nats-Msg-Id` is dropped as a duplicate. */
  duplicateWindowMs: number;
  /** -1 = unlimited. */
  maxMsgsPerSubject: number;
  /** Re-publish every stored message from `src` to `dest` (core NATS), e.g. for plain subscribers. */
  republish?: { src: string; dest: string };
}

export const streams = {
  conv: {
    name: 'CONV',
    subjects: [wildcards.convIn, wildcards.convOut],
    description: 'Conversation log: client messages in, bot and operator messages out.',
    maxAgeMs: 90 * DAY,
    duplicateWindowMs: 2 * MINUTE,
    maxMsgsPerSubject: -1,
  },
  schedule: {
    name: 'SCHEDULE',
    subjects: [wildcards.scheduleIntent, wildcards.scheduleCancel, wildcards.meetingBooked, wildcards.meetingCancelled],
    description: 'Requests to the scheduler: store an action, cancel actions, meetings booked and cancelled (their reminders).',
    maxAgeMs: 14 * DAY,
    duplicateWindowMs: 10 * MINUTE,
    maxMsgsPerSubject: -1,
  },
  dispatch: {
    name: 'DISPATCH',
    subjects: [wildcards.scheduleDue, wildcards.agentReply],
    description: 'Work for the dispatchers: due actions and replies to send now.',
    maxAgeMs: 7 * DAY,
    duplicateWindowMs: 2 * MINUTE,
    maxMsgsPerSubject: -1,
  },
  ops: {
    name: 'OPS',
    subjects: [wildcards.opsTakeover, wildcards.opsRelease],
    description: 'Operator takeovers and releases, kept forever (the last 100 of each per chat): the later of the last takeover and release is the chat\'s state.',
    maxAgeMs: 0,
    duplicateWindowMs: 2 * MINUTE,
    maxMsgsPerSubject: 100,
  },
  attention: {
    name: 'ATTENTION',
    subjects: [wildcards.opsAttention, wildcards.opsAttended],
    description: 'Hand-offs to humans (ops.attention) and operators marking them dealt with (ops.attended). An item is open until a later takeover or ops.attended of its chat.',
    maxAgeMs: 90 * DAY,
    // A call-due hand-off re-published after a dispatcher died mid-way must still be dropped.
    duplicateWindowMs: 10 * MINUTE,
    maxMsgsPerSubject: 1000,
  },
  sandboxInput: {
    name: 'SANDBOX_INPUT',
    subjects: [wildcards.sandboxClient, wildcards.sandboxOperator],
    description: 'Sandbox transport: what the stand-in client and operator type.',
    maxAgeMs: 7 * DAY,
    duplicateWindowMs: 2 * MINUTE,
    maxMsgsPerSubject: -1,
  },
  sandboxDelivered: {
    name: 'SANDBOX_DELIVERED',
    subjects: [wildcards.sandboxOutbox],
    description: 'Sandbox transport: what the stack sent to clients. Its duplicate window plays Telegram\'s random_id; only stored sends reach sandbox.delivered.',
    maxAgeMs: 7 * DAY,
    duplicateWindowMs: 1 * DAY,
    maxMsgsPerSubject: -1,
    republish: { src: wildcards.sandboxOutbox, dest: wildcards.sandboxDelivered },
  },
  leases: {
    name: 'LEASES',
    subjects: [wildcards.leases],
    description: 'Who holds what only one process may hold (a Telegram session): the last record per subject, replaced by compare-and-set.',
    maxAgeMs: 1 * DAY,
    duplicateWindowMs: 2 * MINUTE,
    maxMsgsPerSubject: 1,
  },
  telegram: {
    name: 'TELEGRAM',
    subjects: [wildcards.telegramState, wildcards.telegramPeer, wildcards.telegramStatus],
    description:
      "Each Telegram account's update state (pts, qts, date, seq: a restart catches up from it with updates.getDifference), its clients' access hashes, and the session's status: the last record per subject.",
    maxAgeMs: 0,
    duplicateWindowMs: 2 * MINUTE,
    maxMsgsPerSubject: 1,
  },
  telegramSent: {
    name: 'TELEGRAM_SENT',
    subjects: [wildcards.telegramSent],
    description: "What each account's session holder sent (random id, chat, text, message id): read by the next holder so the account's own messages are never taken for an operator's.",
    maxAgeMs: 2 * DAY,
    duplicateWindowMs: 2 * MINUTE,
    maxMsgsPerSubject: -1,
  },
  deadLetter: {
    name: 'DEADLETTER',
    subjects: [wildcards.deadLetter],
    description: 'Messages a consumer could not process, with the reason.',
    maxAgeMs: 30 * DAY,
    duplicateWindowMs: 2 * MINUTE,
    maxMsgsPerSubject: -1,
  },
} as const satisfies Record<string, StreamDef>;

export type StreamKey = keyof typeof streams;

/** A durable pull consumer shared by every replica of the service that owns it. */
export interface ConsumerDef {
  stream: StreamKey;
  durable: string;
  /** Omitted: the whole stream. */
  filterSubject?: string;
  ackWaitMs: number;
  /** How many unacknowledged messages the consumer may have out at once, across replicas. */
  maxAckPending: number;
}

export const consumers = {
  // A brain call can take seconds: few messages out at once and a long ack wait, so a backlog
  // waiting in the agent's buffer is not redelivered (and decided twice) meanwhile.
  agentConvIn: { stream: 'conv', durable: 'agent-conv-in', filterSubject: wildcards.convIn, ackWaitMs: 120_000, maxAckPending: 64 },
  schedulerRequests: { stream: 'schedule', durable: 'scheduler-requests', ackWaitMs: 30_000, maxAckPending: 10_000 },
  schedulerConv: { stream: 'conv', durable: 'scheduler-conv', ackWaitMs: 30_000, maxAckPending: 10_000 },
  schedulerOps: { stream: 'ops', durable: 'scheduler-ops', ackWaitMs: 30_000, maxAckPending: 1000 },
  // Due events arrive ahead of their instant and wait in the dispatchers unacknowledged: room for a burst.
  dispatcher: { stream: 'dispatch', durable: 'dispatcher', ackWaitMs: 30_000, maxAckPending: 20_000 },
  gatewaySandbox: { stream: 'sandboxInput', durable: 'gateway-sandbox', ackWaitMs: 30_000, maxAckPending: 1000 },
} as const satisfies Record<string, ConsumerDef>;

export type ConsumerKey = keyof typeof consumers;
