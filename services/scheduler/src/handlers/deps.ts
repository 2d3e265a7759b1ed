import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ActionsDB, Actor } from '@followups/actions';
import type { SendingPolicy } from '@followups/manners';

/** What every scheduler handler works with. Postgres' `now()` and the stream's timestamps are its clocks. */
export interface HandlerDeps {
  db: Kysely<ActionsDB>;
  /** JetStream: the consumers pull with it; a human's message is recorded as a takeover in OPS with it. */
  js: JetStreamClient;
  jsm: JetStreamManager;
  log: Logger;
  /** Intents due further ahead than this are refused. */
  maxDueAheadMs: number;
  clock: () => Date;
  /** Pending follow-ups one chat may have; a newer one replaces the oldest (settings limits). */
  maxPendingFollowUps: number;
  /** The send window: a meeting reminder outside it moves to the next opening (settings). */
  sending: Pick<SendingPolicy, 'place'>;
  /** Before a booked meeting, when its booking names none (settings reminders.before). */
  reminderOffsetsMs: readonly number[];
  /** This scheduler in the actions' history, for changes no one else asked for. */
  actor: Actor;
}

/** The cancel reason for anything a human's takeover ends. */
export const HUMAN_TAKEOVER = 'human_takeover';
