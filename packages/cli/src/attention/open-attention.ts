import { streams, subjects } from '@followups/contracts';
import type { NatsHandles } from '@followups/kit';
import { lastOnSubject, storedNanos } from '../stream-reads.js';
import { readAttentionWindow, type AttentionEntry } from './read-attention.js';

/**
 * The items still waiting for a human: an item is dealt with once its chat has a later
 * `ops.attended` (an operator said so) or a later `ops.takeover` (an operator took the chat, or
 * typed in it, which the gateway reports as a takeover). "Later" compares stream times, the
 * servers' own clock, never the publishers'.
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

/** Look-ups in flight at once: two requests per chat, possibly many chats. */
const CHATS_AT_ONCE = 32;

/**
 * The open items of the ATTENTION stream from `since` (or its start), of every chat or of one.
 * Only each chat's last `ops.attended` and last takeover matter (either clears every item stored
 * before it), so they are direct look-ups by subject, whatever the window.
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

/** The stream time of the chat's last `ops.attended` or takeover, whichever is later. */
async function lastClearedAt(nats: NatsHandles, chatId: string): Promise<bigint | undefined> {
  const [attended, takeover] = await Promise.all([
    lastOnSubject(nats.jsm, streams.attention.name, subjects.opsAttended(chatId)),
    lastOnSubject(nats.jsm, streams.ops.name, subjects.opsTakeover(chatId)),
  ]);
  const times = [attended, takeover].flatMap((m) => (m ? [storedNanos(m.timestamp)] : []));
  return times.length ? times.reduce((a, b) => (a > b ? a : b)) : undefined;
}
