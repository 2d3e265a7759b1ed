import type { Migration } from 'kysely';
import * as m0001 from './0001-scheduled-actions.js';
import * as m0002 from './0002-chats.js';
import * as m0003 from './0003-keys-per-chat.js';
import * as m0004 from './0004-action-history.js';
import * as m0005 from './0005-series-and-meetings.js';

/** Ordered by name; the scheduler runs them at start-up. */
export const actionMigrations: Record<string, Migration> = {
  '0001-scheduled-actions': m0001,
  '0002-chats': m0002,
  '0003-keys-per-chat': m0003,
  '0004-action-history': m0004,
  '0005-series-and-meetings': m0005,
};
