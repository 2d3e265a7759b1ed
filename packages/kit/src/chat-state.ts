import { convInSchema, convOutSchema, streams, subjects } from '@followups/contracts';
import type { JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import { lastOnSubject, storedNanos } from './stream-reads.js';

export interface TakeoverState {
  underHuman: boolean;
  /** The operator named in the takeover, when there is one. */
  operator?: string;
  since?: Date;
}

/**
 * Whether a human holds the chat, read from the streams themselves (not a cache). The OPS stream
 * keeps the last takeover and the last release of each chat, and the later of the two wins. A
 * human typing on the sales account (`conv.out` by an operator) is a takeover too: the scheduler
 * records it in OPS, and until it has (or while it is down) the chat's last `conv.out` says so
 * itself, when it is a human's and stored after the last release. CONV and OPS are two streams,
 * so that comparison is by stream time; within OPS the sequence orders.
 */
export async function readTakeoverState(jsm: JetStreamManager, chatId: string): Promise<TakeoverState> {
  const [{ takeover, release }, human] = await Promise.all([readLastTakeoverAndRelease(jsm, chatId), readLastOutIfHuman(jsm, chatId)]);
  if (takeover && !(release && release.seq > takeover.seq)) {
    // A malformed or empty takeover body still takes the chat over; only the operator name is lost.
    const named = (safeJson(takeover.string()) as { operator?: unknown } | null | undefined)?.operator;
    return { underHuman: true, since: takeover.time, ...(typeof named === 'string' ? { operator: named } : {}) };
  }
  if (human && !(release && storedNanos(release.timestamp) > human.storedNanos)) {
    return { underHuman: true, since: human.time, ...(human.operator ? { operator: human.operator } : {}) };
  }
  return { underHuman: false };
}

/** The chat's last `ops.takeover` and last `ops.release` in OPS (each null when there is none), read at once. */
export async function readLastTakeoverAndRelease(jsm: JetStreamManager, chatId: string): Promise<{ takeover: StoredMsg | null; release: StoredMsg | null }> {
  const [takeover, release] = await Promise.all([
    jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsTakeover(chatId) }),
    jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsRelease(chatId) }),
  ]);
  return { takeover, release };
}

/** The chat's last `conv.out`, when a human wrote it: when it was stored and by whom. */
export interface HumanMessage {
  operator?: string;
  time: Date;
  /** Stream time in nanoseconds, to order it against another stream's messages. */
  storedNanos: bigint;
}

/**
 * The chat's last `conv.out` if it is a human's (`by: "operator"`); null when the bot wrote last,
 * nothing was written, or the message breaks the contract (the scheduler dead-letters those, so
 * they never take a chat over). No CONV stream yet reads as nothing written: the CLI may read
 * before any service ran.
 */
export async function readLastOutIfHuman(jsm: JetStreamManager, chatId: string): Promise<HumanMessage | null> {
  const last = await lastOnSubject(jsm, streams.conv.name, subjects.convOut(chatId));
  if (!last) return null;
  const parsed = convOutSchema.safeParse(safeJson(last.string()));
  if (!parsed.success || parsed.data.by !== 'operator') return null;
  return { time: last.time, storedNanos: storedNanos(last.timestamp), ...(parsed.data.operator ? { operator: parsed.data.operator } : {}) };
}

/** The client's latest message in the chat, read from the CONV stream; `null` when the client never wrote. */
export async function readLastClientMessage(jsm: JetStreamManager, chatId: string): Promise<{ at: Date; messageId: number } | null> {
  const last = await jsm.streams.getMessage(streams.conv.name, { last_by_subj: subjects.convIn(chatId) });
  if (!last) return null;
  const parsed = convInSchema.safeParse(safeJson(last.string()));
  // An invalid conv.in still proves the client wrote; the stream time stands in for its `at`.
  return parsed.success ? { at: new Date(parsed.data.at), messageId: parsed.data.messageId } : { at: last.time, messageId: -1 };
}

/** The JSON in `text`, or undefined when it is not JSON: for bodies a human may have typed. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
