import type { Logger } from 'pino';
import type { ActionRow } from '@followups/actions';
import { opsAttentionSchema, subjects, type OpsAttention } from '@followups/contracts';
import type { Mailer } from '@followups/mailer';
import { publishJson, type Clock } from '@followups/kit';
import type { Settings } from '@followups/settings';
import type { JetStreamClient } from '@nats-io/jetstream';
import { randomIdFor } from '../random-id.js';
import type { OutboundTransport } from '../transport/outbound-transport.js';
import { sendOnce } from '../transport/outbound-transport.js';

export interface TaskReportDeps {
  js: JetStreamClient;
  transport: OutboundTransport;
  /** null: SMTP is not configured (settings report.smtpUrl). */
  mailer: Mailer | null;
  report: Settings['report'];
  clock: Clock;
}

export interface TaskPayload {
  title: string;
  note?: string | undefined;
  emails?: string[] | undefined;
}

/**
 * A team task is due: its report goes to every channel the team has, in the order that makes a
 * retry harmless — the operators' Telegram chat (the send's random id refuses a second one), the
 * `ops.attention` item (`task_due`, deduplicated by the action id), then the e-mail, last because
 * SMTP has no idempotency key: it is sent again only if it failed. Throws the mailer's error: a
 * permanent SMTP refusal ends the task `failed` with the server's reason, a transient one is retried
 * with back-off.
 */
export async function reportTask(deps: TaskReportDeps, row: ActionRow, task: TaskPayload, log: Logger): Promise<'handed_to_operators'> {
  const text = reportText(row, task);
  if (deps.report.telegramChat) {
    await sendOnce(deps.transport, { chatId: deps.report.telegramChat, text, randomId: randomIdFor(`task:${row.id}`), actionId: row.id });
  }
  const attention: OpsAttention = opsAttentionSchema.parse({
    chatId: String(row.chat_id),
    reason: 'task_due',
    text: text.slice(0, 4096),
    at: deps.clock().toISOString(),
    suggested: task.title.slice(0, 1000),
    actionId: row.id,
    by: 'dispatcher',
  });
  await publishJson(deps.js, subjects.opsAttention(String(row.chat_id)), attention, `attention:task:${row.id}`);

  const to = task.emails?.length ? task.emails : deps.report.to;
  if (deps.mailer && to.length > 0) {
    const sent = await deps.mailer.send({ to, subject: `[followups] ${task.title}`, text, messageId: `<task-${row.id}@followups>` });
    log.info({ accepted: sent.accepted.length, rejected: sent.rejected.length }, 'task report e-mailed');
  } else if (to.length > 0) {
    log.warn({ recipients: to.length }, 'task report not e-mailed: SMTP is not configured (settings report.smtpUrl / SMTP_URL)');
  }
  return 'handed_to_operators';
}

/** What the report says: the title, the note, when it was created and by whom, when it was due. */
function reportText(row: ActionRow, task: TaskPayload): string {
  return [
    `Task due: ${task.title}`,
    ...(task.note ? ['', task.note] : []),
    '',
    `Created ${row.created_at.toISOString()} by ${row.created_by ?? row.source}.`,
    `Due ${row.due_at.toISOString()}${row.recurrence ? ` (repeats ${row.recurrence.description ?? row.recurrence.pattern}, ${row.recurrence.timeZone})` : ''}.`,
    `Action ${row.id}: followups schedule show ${row.id}`,
  ].join('\n');
}
