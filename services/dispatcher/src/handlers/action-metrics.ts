import type { ActionRow } from '@followups/actions';
import { metrics } from '@followups/kit';

/** A reason as a metric label: its first word (`too_late`, `opted_out`, `no_executor`, `SMTP`), never free text. */
const reasonLabel = (reason: string) => reason.split(/[\s:(,]/)[0]!.slice(0, 40) || 'unknown';

/** An action the dispatcher sent: counted, and its lateness (due → now) observed. */
export function recordSent(row: Pick<ActionRow, 'type' | 'due_at'>, now: Date): void {
  metrics.actionsEnded.inc({ service: 'dispatcher', type: row.type, status: 'sent', reason: '' });
  metrics.lateness.observe({ service: 'dispatcher', type: row.type }, Math.max(0, now.getTime() - row.due_at.getTime()) / 1000);
}

/** An action the dispatcher ended without sending. */
export function recordEnded(row: Pick<ActionRow, 'type'>, status: 'cancelled' | 'expired' | 'failed', reason: string): void {
  metrics.actionsEnded.inc({ service: 'dispatcher', type: row.type, status, reason: reasonLabel(reason) });
}
