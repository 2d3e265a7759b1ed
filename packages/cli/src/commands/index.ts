import type { Command } from '../command.js';
import { releaseCommand } from './release.js';
import { scheduleCancelCommand } from './schedule-cancel.js';
import { scheduleCreateCommand } from './schedule-create.js';
import { scheduleListCommand } from './schedule-list.js';
import { scheduleRunDueCommand } from './schedule-run-due.js';
import { takeoverCommand } from './takeover.js';
import { whenCommand } from './when.js';

/** Every command, in the order `--help` lists them. */
export const commands: Command[] = [
  whenCommand,
  scheduleCreateCommand,
  scheduleListCommand,
  scheduleCancelCommand,
  scheduleRunDueCommand,
  takeoverCommand,
  releaseCommand,
];
