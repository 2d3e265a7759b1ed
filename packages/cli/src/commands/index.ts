import type { Command } from '../command.js';
import { attentionDoneCommand } from './attention-done.js';
import { attentionCommand } from './attention.js';
import { chatShowCommand, statusCommand } from './chat-show.js';
import { chatTzCommand } from './chat-tz.js';
import { meetingBookCommand } from './meeting-book.js';
import { meetingCancelCommand } from './meeting-cancel.js';
import { optoutClearCommand } from './optout-clear.js';
import { optoutListCommand } from './optout-list.js';
import { releaseCommand } from './release.js';
import { scheduleCancelCommand } from './schedule-cancel.js';
import { scheduleCreateCommand } from './schedule-create.js';
import { scheduleListCommand } from './schedule-list.js';
import { scheduleRescheduleCommand } from './schedule-reschedule.js';
import { scheduleRunDueCommand } from './schedule-run-due.js';
import { scheduleShowCommand } from './schedule-show.js';
import { takeoverCommand } from './takeover.js';
import { taskCancelCommand } from './task-cancel.js';
import { taskCreateCommand } from './task-create.js';
import { taskListCommand } from './task-list.js';
import { takeoversCommand } from './takeovers.js';
import { telegramLoginCommand } from './telegram-login.js';
import { telegramStatusCommand } from './telegram-status.js';
import { telegramWhoamiCommand } from './telegram-whoami.js';
import { whenCommand } from './when.js';

/** Every command, in the order `--help` lists them. */
export const commands: Command[] = [
  whenCommand,
  scheduleCreateCommand,
  scheduleListCommand,
  scheduleShowCommand,
  scheduleRescheduleCommand,
  scheduleCancelCommand,
  scheduleRunDueCommand,
  meetingBookCommand,
  meetingCancelCommand,
  taskCreateCommand,
  taskListCommand,
  taskCancelCommand,
  takeoverCommand,
  releaseCommand,
  takeoversCommand,
  attentionCommand,
  attentionDoneCommand,
  statusCommand,
  chatShowCommand,
  chatTzCommand,
  optoutListCommand,
  optoutClearCommand,
  telegramLoginCommand,
  telegramWhoamiCommand,
  telegramStatusCommand,
];
