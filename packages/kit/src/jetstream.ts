import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type StreamConfig,
  type StreamExpectations,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { consumers, streams, type ConsumerKey, type StreamDef, type StreamKey } from '@followups/contracts';
import { sleep } from './backoff.js';
import { isTransientFailure } from './failures.js';

const STREAM_NAME_IN_USE = 10058;
/** "JetStream system temporarily unavailable": a cluster electing its leaders. */
const JETSTREAM_UNAVAILABLE = 10008;
/** How long start-up keeps asking a JetStream that times out or is electing leaders. */
const SETUP_PATIENCE_MS = 60_000;

/**
 * A JetStream API call made at start-up, asked again while JetStream is not ready yet: on a
 * cluster, stream creation waits for a leader and a replica set, and several services creating
 * three-replica streams at once can each time out before the cluster answers.
 */
async function patiently<T>(call: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SETUP_PATIENCE_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const notReady = isApiError(e, JETSTREAM_UNAVAILABLE) || isTransientFailure(e);
      if (!notReady || Date.now() > deadline) throw e;
      await sleep(Math.min(2000, 100 * 2 ** attempt));
    }
  }
}

function toStreamConfig(def: StreamDef, replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: def.name,
    subjects: [...def.subjects],
    description: def.description,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(def.maxAgeMs),
    duplicate_window: nanos(def.duplicateWindowMs),
    max_msgs_per_subject: def.maxMsgsPerSubject,
    num_replicas: replicas,
    allow_direct: true,
    ...(def.republish ? { republish: { ...def.republish } } : {}),
  };
}

/** Creates the streams, or brings existing ones to the contract's config. Safe to run from many processes at once. */
export async function ensureStreams(jsm: JetStreamManager, keys: StreamKey[], replicas = 1): Promise<void> {
  for (const key of keys) {
    const config = toStreamConfig(streams[key], replicas);
    const exists = await patiently(() =>
      jsm.streams.info(config.name).then(
        () => true,
        (e: unknown) => (isApiError(e, 10059) ? false : Promise.reject(e)),
      ),
    );
    if (!exists) {
      try {
        await patiently(() => jsm.streams.add(config));
        continue;
      } catch (e) {
        if (!isApiError(e, STREAM_NAME_IN_USE)) throw e; // another service created it a moment ago
      }
    }
    const { name, ...update } = config;
    await patiently(() => jsm.streams.update(name, update));
  }
}

/** Creates the durable consumers, or updates the mutable parts of existing ones. */
export async function ensureConsumers(jsm: JetStreamManager, keys: ConsumerKey[]): Promise<void> {
  for (const key of keys) {
    const def = consumers[key];
    const stream = streams[def.stream].name;
    const mutable = { ack_wait: nanos(def.ackWaitMs), max_ack_pending: def.maxAckPending, max_deliver: -1 };
    try {
      await patiently(() => jsm.consumers.info(stream, def.durable));
      await patiently(() => jsm.consumers.update(stream, def.durable, mutable));
    } catch (e) {
      if (!isApiError(e, 10014)) throw e;
      await patiently(() =>
        jsm.consumers.add(stream, {
          durable_name: def.durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          ...('filterSubject' in def ? { filter_subject: def.filterSubject } : {}),
          ...mutable,
        }),
      );
    }
  }
}

function isApiError(e: unknown, errCode: number): boolean {
  return e instanceof JetStreamApiError && e.code === errCode;
}

const encoder = new TextEncoder();

/**
 * Publishes JSON into a stream and waits for its ack. `msgID` makes the publish idempotent within
 * the duplicate window; `expect` makes it conditional (e.g. on the stream's last sequence: a
 * compare-and-set), refused with a JetStreamApiError when the condition does not hold.
 */
export function publishJson(js: JetStreamClient, subject: string, payload: unknown, msgID?: string, expect?: Partial<StreamExpectations>) {
  return js.publish(subject, encoder.encode(JSON.stringify(payload)), { ...(msgID ? { msgID } : {}), ...(expect ? { expect } : {}) });
}
