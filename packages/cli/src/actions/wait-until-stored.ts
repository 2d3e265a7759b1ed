import type { ActionRow } from '@followups/actions';
import { describeError } from '@followups/kit';
import { isMissingTable } from '../connections.js';
import type { Context } from '../context.js';
import { pollFor } from '../poll.js';

/** The stored row, or `undefined` when the scheduler has not stored it (or Postgres cannot tell us) in time. */
export async function waitUntilStored(ctx: Context, chatId: string, idempotencyKey: string): Promise<ActionRow | undefined> {
  try {
    const db = await ctx.db();
    return await pollFor(async () => {
      try {
        return await db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', chatId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
      } catch (e) {
        if (isMissingTable(e)) return undefined; // the scheduler has not created its tables yet
        throw e;
      }
    }, ctx.config.CLI_WAIT_MS);
  } catch (e) {
    ctx.io.stderr.write(`cannot check whether it was stored: ${describeError(e)}\n`);
    return undefined;
  }
}
