import type { Kysely } from 'kysely';
import { getChat, getChats, type ActionRow, type ActionsDB } from '@followups/actions';
import { describeError } from '@followups/kit';
import { isValidTimeZone } from '@followups/when';
import { isMissingTable } from '../connections.js';
import type { Context } from '../context.js';

/** The zone a chat's times are shown in, by chat id. */
export type ZoneOfChat = (chatId: string) => string;

/**
 * Each chat's own zone (the `chats` table), else the team's. A database without the table yet (a
 * scheduler from before per-chat zones) shows every chat in the team's zone rather than failing.
 */
export async function loadChatZones(db: Kysely<ActionsDB>, chatIds: readonly string[], teamZone: string): Promise<ZoneOfChat> {
  const settings = await getChats(db, chatIds).catch((e: unknown) => {
    if (isMissingTable(e)) return new Map<string, { timeZone: string | null }>();
    throw e;
  });
  return (chatId) => zoneOrTeam(settings.get(chatId)?.timeZone, teamZone);
}

/** A chat's stored zone, else (none, or one this runtime does not know) the team's. */
export const zoneOrTeam = (zone: string | null | undefined, teamZone: string): string => validZone(zone) ?? teamZone;

/** The zone one action's times read in (see actionZone), reading its chat's zone when it needs it. */
export async function zoneOfAction(db: Kysely<ActionsDB>, row: ActionRow, teamZone: string): Promise<string> {
  return actionZone(await loadChatZones(db, [String(row.chat_id)], teamZone))(row);
}

/** An action's due time reads in the zone it was scheduled in, else its chat's current one. */
export const actionZone = (zoneOfChat: ZoneOfChat) => (row: ActionRow): string => validZone(row.time_zone) ?? zoneOfChat(String(row.chat_id));

/** The stored zone when this runtime knows it; a zone written by an older or foreign tool may not be. */
function validZone(zone: string | null | undefined): string | undefined {
  return zone && isValidTimeZone(zone) ? zone : undefined;
}

/** The chat's own zone, else the team's; a database we cannot read yet is no reason to refuse the command. */
export async function chatZone(ctx: Context, chatId: string): Promise<string> {
  try {
    return (await getChat(await ctx.db(), chatId)).timeZone ?? ctx.config.settings.timeZone;
  } catch (e) {
    if (!isMissingTable(e)) ctx.io.stderr.write(`cannot read the chat's zone, using ${ctx.config.settings.timeZone}: ${describeError(e)}\n`);
    return ctx.config.settings.timeZone;
  }
}

