import type { JetStreamManager } from '@nats-io/jetstream';
import { JetStreamApiError } from '@nats-io/jetstream';
import { consumers, streams } from '@followups/contracts';

/**
 * How many due events and replies the dispatchers have not finished yet (pending + unacknowledged
 * on their shared durable). While that is above zero, an expired claim's event may simply be
 * waiting in line: publishing it again would only grow the line during a long dispatcher outage.
 * No consumer yet (no dispatcher ever started) reads as 0: republishing is harmless then.
 */
export async function dispatchBacklog(jsm: JetStreamManager): Promise<number> {
  const def = consumers.dispatcher;
  try {
    const info = await jsm.consumers.info(streams[def.stream].name, def.durable);
    return info.num_pending + info.num_ack_pending;
  } catch (e) {
    if (e instanceof JetStreamApiError && (e.code === 10014 || e.code === 10059)) return 0;
    throw e;
  }
}
