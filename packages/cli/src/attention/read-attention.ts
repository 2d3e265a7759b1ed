import { DeliverPolicy, type Consumer, type JsMsg } from '@nats-io/jetstream';
import { streams, subjects, wildcards, type OpsAttention } from '@followups/contracts';
import { decodeMessage, isStreamMissing, type NatsHandles } from '@followups/kit';

/** One `ops.attention` message as stored. */
export interface AttentionEntry {
  chatId: string;
  payload: OpsAttention;
  streamSeq: number;
  /** Stream time, nanoseconds: what later takeovers and `ops.attended` are compared with. */
  storedAt: bigint;
}

/** The `ops.attention` items of the window read. */
export interface AttentionWindow {
  items: AttentionEntry[];
  /** Messages that break the contract: left out, counted so the operator hears of them. */
  malformed: number;
}

/** Per fetch: a bound on memory, not on the read (it loops until the window is read). */
const BATCH = 500;
/** A fetch that gets nothing in this long means what was pending aged out of the stream meanwhile. */
const FETCH_EXPIRES_MS = 5000;

/**
 * Reads the `ops.attention` items of the ATTENTION stream from `since` (or from its start) to its
 * end, for every chat or one. An ordered consumer, created for the read and deleted after it: it
 * starts at a time on the server's side and says how many messages are left, so the read stops at
 * the end instead of waiting for new ones. Direct batch gets would need nats-server 2.11; this
 * works on 2.9, which also takes one filter subject only, and no `ops.*.<chat>` (not a subset of
 * either of the stream's subjects): so `ops.attended` is looked up per chat, not read here.
 */
export async function readAttentionWindow(nats: NatsHandles, opts: { since?: Date; chatId?: string }): Promise<AttentionWindow> {
  const window: AttentionWindow = { items: [], malformed: 0 };
  let consumer: Consumer;
  try {
    consumer = await nats.js.consumers.get(streams.attention.name, {
      filter_subjects: opts.chatId ? subjects.opsAttention(opts.chatId) : wildcards.opsAttention,
      ...(opts.since ? { opt_start_time: opts.since.toISOString() } : { deliver_policy: DeliverPolicy.All }),
    });
  } catch (e) {
    if (isStreamMissing(e)) return window; // no service ran yet: nothing was ever handed off
    throw e;
  }
  try {
    let pending = (await consumer.info(true)).num_pending;
    while (pending > 0) {
      const batch = await consumer.fetch({ max_messages: Math.min(pending, BATCH), expires: FETCH_EXPIRES_MS });
      let received = 0;
      for await (const m of batch) {
        received++;
        pending = m.info.pending;
        take(window, m);
      }
      if (received === 0) break;
    }
  } finally {
    await consumer.delete().catch(() => {}); // it would go by itself after 5 idle minutes
  }
  return window;
}

function take(window: AttentionWindow, m: JsMsg): void {
  let decoded;
  try {
    decoded = decodeMessage(m.subject, m.data);
  } catch {
    window.malformed++;
    return;
  }
  if (decoded.family !== 'ops.attention') return; // the filter lets nothing else through
  window.items.push({ chatId: decoded.chatId, payload: decoded.payload, streamSeq: m.seq, storedAt: m.timestampNanos });
}
