import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's metrics, one registry and one definition of each, whichever services run in it
 * (one in production; several in a test). Every series carries the `service` label, so the same
 * name means the same thing from each of the four.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'followups_' });

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600];

export const metrics = {
  /** Every message a consumer settled, by how: ack, retry (nak with delay), dead (dead-lettered). */
  consumerMessages: new Counter({ name: 'followups_consumer_messages_total', help: 'Messages settled by a consumer, by outcome', labelNames: ['service', 'consumer', 'outcome'], registers: [registry] }),
  /** Messages a consumer could not process, published to dlq.<subject>. */
  deadLetters: new Counter({ name: 'followups_dead_letters_total', help: 'Messages dead-lettered', labelNames: ['service', 'consumer'], registers: [registry] }),
  /** Actions that ended: sent, cancelled, expired, failed — with the reason (too_late, opted_out, the send error's kind…). */
  actionsEnded: new Counter({ name: 'followups_actions_total', help: 'Actions that ended, by type, status and reason', labelNames: ['service', 'type', 'status', 'reason'], registers: [registry] }),
  /** From an action's due time to its send: how punctual the stack is. */
  lateness: new Histogram({ name: 'followups_action_lateness_seconds', help: 'Due time to sent, per action', labelNames: ['service', 'type'], buckets: seconds, registers: [registry] }),
  /** Each Messages API call of the agent, by outcome (ok, error). */
  claudeRequests: new Histogram({ name: 'followups_claude_request_seconds', help: 'Claude Messages API calls, by outcome', labelNames: ['service', 'purpose', 'outcome'], buckets: seconds, registers: [registry] }),
  /** FLOOD_WAIT answers from Telegram. */
  telegramFloodWaits: new Counter({ name: 'followups_telegram_flood_waits_total', help: 'FLOOD_WAIT answers from Telegram', labelNames: ['service'], registers: [registry] }),
  /** Read from JetStream when scraped (see watchConsumers). */
  consumerPending: new Gauge({ name: 'followups_consumer_pending', help: 'Messages of the stream not yet delivered to the durable consumer', labelNames: ['consumer'], registers: [registry] }),
  consumerAckPending: new Gauge({ name: 'followups_consumer_ack_pending', help: 'Messages delivered and not yet acknowledged', labelNames: ['consumer'], registers: [registry] }),
  consumerRedelivered: new Gauge({ name: 'followups_consumer_redelivered', help: 'Messages delivered more than once and not yet acknowledged', labelNames: ['consumer'], registers: [registry] }),
};

/** Time a call and record it in `claudeRequests`. */
export async function timeClaude<T>(service: string, purpose: string, call: () => Promise<T>): Promise<T> {
  const end = metrics.claudeRequests.startTimer({ service, purpose });
  try {
    const result = await call();
    end({ outcome: 'ok' });
    return result;
  } catch (e) {
    end({ outcome: 'error' });
    throw e;
  }
}
