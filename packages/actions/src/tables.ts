import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ActionStatus, ActionType, CancelTrigger, Recurrence } from '@followups/contracts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** One action remembered for later. Status only moves forward; every change is a conditional UPDATE. */
export interface ScheduledActionsTable {
  id: Generated<string>;
  /** Telegram chat id; int8 comes back from pg as a decimal string, which is what the contracts use. */
  chat_id: ColumnType<string, string, string>;
  type: ActionType;
  payload: ColumnType<Record<string, unknown>, string, string>;
  due_at: Timestamp;
  status: Generated<ActionStatus>;
  cancel_on: ColumnType<CancelTrigger[], CancelTrigger[], CancelTrigger[]>;
  reason: Generated<string>;
  idempotency_key: string;
  source: string;
  time_zone: string | null;
  /** The newest client message the action already accounts for; only later ones cancel it. */
  context_at: Timestamp;
  created_at: Generated<Date>;
  claimed_at: NullableTimestamp;
  sending_at: NullableTimestamp;
  sent_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  /** Why it ended cancelled, expired or failed. */
  cancel_reason: string | null;
  /** Times the due event was published (re-published after a lease). */
  claim_count: Generated<number>;
  /** Times a dispatcher started sending it. */
  attempts: Generated<number>;
  last_error: string | null;
  /** The client message (conv.in messageId) whose arrival cancelled it, when that is why it ended. */
  cancelled_by_message: ColumnType<string | null, never, string | number | null>;
  /** Who asked for it (`agent`, `cli:<user>`, `operator:<name>`); null: its `source` says. */
  created_by: string | null;
  /** Set by each changing statement for the history trigger (see migration 0004 and `signedBy`); not for reading. */
  changed_by: ColumnType<null, never, string | null>;
  change_note: ColumnType<null, never, string | null>;
  changed_tx: ColumnType<null, never, string | null>;
  /** Repeats: the next occurrence is inserted when this one is claimed (see migration 0005). */
  recurrence: ColumnType<Recurrence | null, string | null, string | null>;
  /** The series' first occurrence; the same for every occurrence of a recurring action. */
  series_id: string | null;
  /** The meeting a reminder belongs to. */
  meeting_id: string | null;
}

/** One transition of one action; append-only (see migration 0004). */
export interface ActionEventsTable {
  id: Generated<string>;
  action_id: string;
  at: Generated<Date>;
  /** null: the action was created. */
  from_status: ActionStatus | null;
  to_status: ActionStatus;
  /** The due time after the change. */
  due_at: Date;
  reason: string | null;
  actor: string;
}

/** What the scheduler remembers about a chat: whether a human holds it. */
export interface ChatControlsTable {
  chat_id: string;
  under_human: boolean;
  operator: string | null;
  changed_at: Timestamp;
}

/** The client's own time zone and opt-out; no row: the team's zone, never opted out. */
export interface ChatsTable {
  chat_id: string;
  /** IANA zone; null: the team's default (DEFAULT_TIME_ZONE), so changing the default reaches the chat. */
  time_zone: string | null;
  time_zone_source: 'client' | 'operator' | null;
  /** Set: the chat is do-not-contact, and the dispatcher refuses every bot message (`opted_out`). */
  opted_out_at: NullableTimestamp;
  opted_out_by: 'client' | 'operator' | null;
  /** The client message that opted out: the agent's one polite answer to it may still be sent. */
  opted_out_message_id: ColumnType<string | null, string | number | null, string | number | null>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ActionsDB {
  scheduled_actions: ScheduledActionsTable;
  action_events: ActionEventsTable;
  chat_controls: ChatControlsTable;
  chats: ChatsTable;
}

export type ChatRow = Selectable<ChatsTable>;
export type ActionEventRow = Selectable<ActionEventsTable>;

export type ActionRow = Selectable<ScheduledActionsTable>;
export type NewActionRow = Insertable<ScheduledActionsTable>;
