import { convInSchema, streams, subjects } from '@followups/contracts';
import type { JetStreamManager } from '@nats-io/jetstream';

export interface TakeoverState {
  underHuman: boolean;
  /** The operator named in the takeover, when there is one. */
  operator?: string;
  since?: Date;
}

/**
 * Whether a human holds the chat, read from the OPS stream itself (not a cache): the stream
 * keeps the last takeover and the last release of each chat, and the later of the two wins.
 */
export async function readTakeoverState(jsm: JetStreamManager, chatId: string): Promise<TakeoverState> {
  const [takeover, release] = await Promise.all([
    jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsTakeover(chatId) }),
    jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsRelease(chatId) }),
  ]);
  if (!takeover || (release && release.seq > takeover.seq)) return { underHuman: false };
  // A malformed or empty takeover body still takes the chat over; only the operator name is lost.
  const named = (safeJson(takeover.string()) as { operator?: unknown } | null | undefined)?.operator;
  const operator = typeof named === 'string' ? named : undefined;
  return { underHuman: true, since: takeover.time, ...(operator ? { operator } : {}) };
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
