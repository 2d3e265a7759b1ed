import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { streams, subjects } from '@followups/contracts';
import type { UpdateState } from './catch-up.js';

/**
 * The account's update state, kept durably in the TELEGRAM stream (the last record per account),
 * so a restart — of the process, or of the lease's holder on another host — catches up from where
 * the last holder stopped instead of from nothing. Only the lease's holder writes it.
 */
export async function loadUpdateState(jsm: JetStreamManager, account: string): Promise<UpdateState | null> {
  const m = await jsm.streams.getMessage(streams.telegram.name, { last_by_subj: subjects.telegramState(account) });
  return m ? m.json<UpdateState>() : null;
}

export async function saveUpdateState(js: JetStreamClient, account: string, state: UpdateState): Promise<void> {
  const { pts, qts, date, seq } = state;
  await js.publish(subjects.telegramState(account), JSON.stringify({ pts, qts, date, seq }));
}
