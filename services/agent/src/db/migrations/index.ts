import type { Migration } from 'kysely';
import * as m0001 from './0001-agent-history.js';
import * as m0002 from './0002-agent-opt-out.js';
import * as m0003 from './0003-chat-settings-shared.js';

/** Ordered by name; the agent runs them at start-up with `migrateToLatest(db, agentMigrations, 'agent', log)`. */
export const agentMigrations: Record<string, Migration> = {
  '0001-agent-history': m0001,
  '0002-agent-opt-out': m0002,
  '0003-chat-settings-shared': m0003,
};
