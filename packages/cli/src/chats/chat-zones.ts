import type { Kysely } from 'kysely';
import { getChats, type ActionRow, type ActionsDB } from '@followups/actions';
import { isValidTimeZone } from '@followups/when';
import { isMissingTable } from '../connections.js';

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

/** An action's due time reads in the zone it was scheduled in, else its chat's current one. */
export const actionZone = (zoneOfChat: ZoneOfChat) => (row: ActionRow): string => validZone(row.time_zone) ?? zoneOfChat(String(row.chat_id));

/** The stored zone when this runtime knows it; a zone written by an older or foreign tool may not be. */
function validZone(zone: string | null | undefined): string | undefined {
  return zone && isValidTimeZone(zone) ? zone : undefined;
}
