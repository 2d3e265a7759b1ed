import type { ActionRow } from '@followups/actions';
import { clip, formatTable, formatWhen } from '../output.js';
import { endReason } from './action-view.js';

/**
 * The actions as `schedule list`, `chat show` and the chat's `/list` show them: each due time in
 * the zone `zoneOf` gives for it (its chat's), with how far off it is.
 */
export function formatActions(rows: ActionRow[], view: { now: Date; zoneOf: (row: ActionRow) => string }): string {
  if (rows.length === 0) return 'no actions\n';
  return formatTable(
    ['ID', 'CHAT', 'TYPE', 'DUE (CHAT TIME)', 'ZONE', 'STATUS', 'REASON', 'ATTEMPTS'],
    rows.map((r) => {
      const zone = view.zoneOf(r);
      return [r.id, String(r.chat_id), r.type, formatWhen(r.due_at, zone, view.now), zone, r.status, clip(endReason(r) ?? '', 40), String(r.attempts)];
    }),
  );
}
