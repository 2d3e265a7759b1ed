import type { JetStreamManager } from '@nats-io/jetstream';
import { streams, subjects } from '@followups/contracts';

/**
 * When a client's Telegram message was written, as precisely as can be known. Telegram dates a
 * message to the second, rounded down: the client wrote somewhere in that second, and no later
 * than we received it. The latest possible instant is taken — the end of the second, or the
 * moment it arrived if that is earlier — because "the client wrote after the follow-up was
 * planned" must err towards yes: a follow-up planned in the same second as a client's message
 * (scheduled from the CLI, or one message of a quick burst) is cancelled rather than sent over
 * the client's words. Each message of a chat is also kept strictly after the previous one (a
 * millisecond later if need be; read from conv.in the first time a chat is seen, so a new session
 * holder continues the order), so a follow-up planned from one message always counts the next as
 * a reply.
 */
export function orderedClientTimes(jsm: JetStreamManager, now: () => number = Date.now): (chatId: string, dated: Date) => Promise<Date> {
  const last = new Map<string, number>();
  return async (chatId, dated) => {
    let previous = last.get(chatId);
    if (previous === undefined) {
      const m = await jsm.streams.getMessage(streams.conv.name, { last_by_subj: subjects.convIn(chatId) });
      previous = m ? Date.parse(m.json<{ at: string }>().at) : 0;
    }
    const written = Math.min(dated.getTime() + 999, Math.max(dated.getTime(), now()));
    const ordered = Math.max(written, previous + 1);
    last.set(chatId, ordered);
    if (last.size > 100_000) last.delete(last.keys().next().value as string);
    return new Date(ordered);
  };
}
