import { actionSchema, type ScheduleDue } from '@followups/contracts';
import type { ActionRow } from './tables.js';

/** The `schedule.due` payload for a claimed row. */
export function toDueEvent(row: ActionRow): ScheduleDue {
  return {
    actionId: row.id,
    chatId: String(row.chat_id),
    dueAt: row.due_at.toISOString(),
    action: actionSchema.parse({ type: row.type, payload: row.payload }),
  };
}
