import type { Migration } from 'kysely';
import * as m0001 from './0001-scheduled-actions.js';

/** Ordered by name; the scheduler runs them at start-up. */
export const actionMigrations: Record<string, Migration> = {
  '0001-scheduled-actions': m0001,
};
