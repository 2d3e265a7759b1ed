import { streams, subjects } from '@followups/contracts';
import { lastOnSubject, readLastOutIfHuman, storedNanos, type NatsHandles } from '@followups/kit';
import { readAttentionWindow, type AttentionEntry } from './read-attention.js';

/**
 * The items still waiting for a human: an item is dealt with once its chat has a later
 * `ops.attended` (an operator said so), a later `ops.takeover` (an operator took the chat) or a
 * later human message (an operator typed in it: `conv.out` by an operator, which the scheduler
 * also records as a takeover, read here as well so no item waits for that). "Later" compares
 * stream times, the servers' own clock, never the publishers'.
 */
export function openItems(items: readonly AttentionEntry[], clearedAt: (chatId: string) => bigint | undefined): AttentionEntry[] {
  return items.filter((item) => {
    const cleared = clearedAt(item.chatId);
    return cleared === undefined || cleared < item.storedAt;
  });
}

export interface OpenAttention {
  open: AttentionEntry[];
  /** Messages left out because they break the contract. */
  malformed: number;
}

/** Look-ups in flight at once: three requests per chat, possibly many chats. */
const CHATS_AT_ONCE = 32;

/**
 * The open items of the ATTENTION stream from `since` (or its start), of every chat or of one.
 * Only each chat's last `ops.attended`, last takeover and last `conv.out` matter (each clears every
 * item stored before it; the `conv.out` when a human wrote it), so they are direct look-ups by
 * subject, whatever the window.
 */
export async function readOpenAttention(nats: NatsHandles, opts: { since?: Date; chatId?: string }): Promise<OpenAttention> {
  const window = await readAttentionWindow(nats, opts);
  const chats = [...new Set(window.items.map((i) => i.chatId))];
  const cleared = new Map<string, bigint>();
  for (let i = 0; i < chats.length; i += CHATS_AT_ONCE) {
    await Promise.all(
      chats.slice(i, i + CHATS_AT_ONCE).map(async (chatId) => {
        const at = await lastClearedAt(nats, chatId);
        if (at !== undefined) cleared.set(chatId, at);
      }),
    );
  }
  return { open: openItems(window.items, (chatId) => cleared.get(chatId)), malformed: window.malformed };
}

/** The stream time of the chat's last `ops.attended`, takeover or human message, whichever is later. */
async function lastClearedAt(nats: NatsHandles, chatId: string): Promise<bigint | undefined> {
  const [attended, takeover, human] = await Promise.all([
    lastOnSubject(nats.jsm, streams.attention.name, subjects.opsAttended(chatId)),
    lastOnSubject(nats.jsm, streams.ops.name, subjects.opsTakeover(chatId)),
    readLastOutIfHuman(nats.jsm, chatId),
  ]);
  const times = [attended && storedNanos(attended.timestamp), takeover && storedNanos(takeover.timestamp), human?.storedNanos].filter((t) => typeof t === 'bigint');
  return times.length ? times.reduce((a, b) => (a > b ? a : b)) : undefined;
}
