import { streams, wildcards } from '@followups/contracts';
import { isStreamMissing, type TakeoverState } from '@followups/kit';
import type { JetStreamManager } from '@nats-io/jetstream';
import { takeoverStateOf } from './takeover-state.js';

export interface HeldChat extends TakeoverState {
  chatId: string;
}

/**
 * Every chat a human holds now, from the OPS stream itself: the chats with any takeover stored
 * (the stream's per-subject index), each then read as `chat show` reads it (the later of its last
 * takeover and last release wins). Oldest hold first. A chat held only by a human's message the
 * scheduler has not recorded in OPS yet (down or behind) is listed once it has: finding those here
 * would mean a look-up for every chat the account ever wrote to.
 */
export async function heldChats(jsm: JetStreamManager): Promise<HeldChat[]> {
  let subjects: Record<string, number>;
  try {
    subjects = (await jsm.streams.info(streams.ops.name, { subjects_filter: wildcards.opsTakeover })).state.subjects ?? {};
  } catch (e) {
    if (isStreamMissing(e)) return [];
    throw e;
  }
  const chatIds = Object.keys(subjects).map((s) => s.slice(s.lastIndexOf('.') + 1));
  const states = await Promise.all(chatIds.map(async (chatId) => ({ chatId, ...(await takeoverStateOf(jsm, chatId)) })));
  return states.filter((s) => s.underHuman).sort((a, b) => (a.since?.getTime() ?? 0) - (b.since?.getTime() ?? 0));
}
