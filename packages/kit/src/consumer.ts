import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { consumers, streams, subjects, type ConsumerKey, type DeadLetter } from '@followups/contracts';
import type { Logger } from 'pino';
import { backoffMs, describeError, sleep } from './backoff.js';
import { decodeMessage, type Decoded } from './decode.js';
import { isNonRetriableError, isRetryLaterError } from './errors.js';
import { isDeterministicFailure, isTransientFailure } from './failures.js';
import { publishJson } from './jetstream.js';
import { metrics } from './observability/metrics.js';

/** How long one pull waits for messages; also the most a stop() waits for the pull in flight. */
const PULL_EXPIRES_MS = 1000;

/** A validated message as a handler sees it; handlers never touch the JetStream message itself. */
export type Delivery = Decoded & {
  subject: string;
  streamSeq: number;
  /** When the stream stored the message. */
  storedAt: Date;
  /** The same in nanoseconds: to order it against another stream's messages (kit's storedNanos). */
  storedNanos: bigint;
  deliveryCount: number;
};

/**
 * What to do with a message once it is handled. `later`: the handler holds the message (a due
 * action waiting for its instant) and settles it when `done` resolves; the consumer goes on with
 * other messages meanwhile (the message stays unacknowledged, counted in max_ack_pending).
 */
export type Outcome =
  | { kind: 'ack' }
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'dead'; reason: string }
  | { kind: 'later'; done: Promise<Outcome> };
export const ack: Outcome = { kind: 'ack' };

export interface RunConsumerOptions {
  js: JetStreamClient;
  consumer: ConsumerKey;
  service: string;
  log: Logger;
  /** Handles a batch in order, one outcome per delivery. Throwing retries the whole batch. */
  handleBatch: (batch: Delivery[]) => Promise<Outcome[]>;
  /** Most messages handed to one `handleBatch` call. */
  maxBatch?: number;
}

export interface RunningConsumer {
  /** Pulling and handling: false once stopped, or if its loop crashed (health checks read it). */
  isRunning(): boolean;
  /** Stops pulling, finishes the batch in hand, returns what was not started to the server. */
  stop(): Promise<void>;
}

/** Wraps a one-message handler: success acks, NonRetriableError dead-letters, RetryLaterError and anything else retries. */
export function oneByOne(handle: (d: Delivery) => Promise<Outcome | void>, log: Logger) {
  return async (batch: Delivery[]): Promise<Outcome[]> => {
    const outcomes: Outcome[] = [];
    for (const d of batch) outcomes.push(await handle(d).then((o) => o ?? ack, (e: unknown) => outcomeOfError(e, d, log)));
    return outcomes;
  };
}

/**
 * Like `oneByOne`, but different chats at once (up to `maxChats`), each chat's messages one after
 * another in stream order: a slow chat (a model call, a flood wait) does not hold up the others,
 * and a client never sees a reply overtake the one before it.
 */
export function perChatInOrder(handle: (d: Delivery) => Promise<Outcome | void>, maxChats: number, log: Logger) {
  return async (batch: Delivery[]): Promise<Outcome[]> => {
    const outcomes: Outcome[] = new Array<Outcome>(batch.length);
    const byChat = new Map<string, number[]>();
    batch.forEach((d, i) => byChat.set(d.chatId, [...(byChat.get(d.chatId) ?? []), i]));
    const chats = [...byChat.values()];
    let next = 0;
    const worker = async () => {
      while (next < chats.length) {
        for (const i of chats[next++]!) {
          const d = batch[i]!;
          outcomes[i] = await handle(d).then((o) => o ?? ack, (e: unknown) => outcomeOfError(e, d, log));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(maxChats, chats.length) }, worker));
    return outcomes;
  };
}

/**
 * Attempts at a message whose failure is neither known to be deterministic nor known to be an
 * outage (a bug, an unexpected error) before it is dead-lettered: enough to ride out a blip,
 * few enough that one bad message cannot hold ack-pending slots for long.
 */
export const MAX_UNCLASSIFIED_ATTEMPTS = 6;

/**
 * The outcome of a failed message. A NonRetriableError or a deterministic failure (a value
 * Postgres rejects, a stack overflow, a late schema violation) is dead-lettered at once; an
 * outage (Postgres or NATS down, a timeout) is retried with back-off for as long as it lasts;
 * anything else is retried at most MAX_UNCLASSIFIED_ATTEMPTS times, then dead-lettered with its
 * reason. A dead letter is acknowledged, so it never holds back other messages.
 */
export function outcomeOfError(error: unknown, d: Pick<Delivery, 'subject' | 'deliveryCount'>, log: Logger): Outcome {
  const reason = describeError(error);
  if (isNonRetriableError(error) || isDeterministicFailure(error)) return { kind: 'dead', reason };
  const transient = isTransientFailure(error) || isRetryLaterError(error);
  if (!transient && d.deliveryCount >= MAX_UNCLASSIFIED_ATTEMPTS) return { kind: 'dead', reason: `gave up after ${d.deliveryCount} attempts: ${reason}` };
  const delayMs = isRetryLaterError(error) ? error.delayMs : backoffMs(d.deliveryCount);
  log.warn({ subject: d.subject, deliveryCount: d.deliveryCount, retryInMs: delayMs, reason }, 'handling failed, will retry');
  return { kind: 'retry', delayMs, reason };
}

/**
 * Pulls from a shared durable consumer and turns handler outcomes into ack / nak / term.
 * A message that fails validation goes to `dlq.<subject>` with the reason and is terminated,
 * so it never blocks the consumer or crashes the service.
 */
export async function runConsumer(opts: RunConsumerOptions): Promise<RunningConsumer> {
  const def = consumers[opts.consumer];
  const log = opts.log.child({ consumer: def.durable });
  const maxBatch = opts.maxBatch ?? 100;
  const consumer = await opts.js.consumers.get(streams[def.stream].name, def.durable);

  const buffer: JsMsg[] = [];
  const maxBuffered = Math.max(maxBatch, Math.min(def.maxAckPending, 256));
  let wake: (() => void) | undefined;
  let roomFreed: (() => void) | undefined;
  let stopping = false;

  // Intake is a loop of short pull requests rather than `consume()`: stopping `consume()`
  // unsubscribes at once, and messages already on the wire are lost to this process until their
  // ack wait runs out (30 s of silence after every restart). A pull that is allowed to expire
  // hands over everything it brought, and what arrives after stop() is returned with a nak.
  const intake = (async () => {
    for (let failures = 0; !stopping; ) {
      if (buffer.length >= maxBuffered) {
        await new Promise<void>((resolve) => (roomFreed = resolve));
        roomFreed = undefined;
        continue;
      }
      try {
        const pulled = await consumer.fetch({ max_messages: maxBuffered - buffer.length, expires: PULL_EXPIRES_MS });
        for await (const m of pulled) {
          if (stopping) m.nak();
          else {
            buffer.push(m);
            wake?.();
          }
        }
        failures = 0;
      } catch (e) {
        if (stopping) break;
        const retryInMs = backoffMs(++failures, 250, 5000);
        log.warn({ reason: describeError(e), retryInMs }, 'pull failed, retrying');
        await sleep(retryInMs);
      }
    }
  })();

  const deadLetterRecord = (m: JsMsg, reason: string): DeadLetter => ({
    subject: m.subject,
    service: opts.service,
    consumer: def.durable,
    reason,
    data: new TextDecoder().decode(m.data.subarray(0, 65_536)),
    streamSeq: m.seq,
    at: new Date().toISOString(),
  });

  const deadLetter = async (m: JsMsg, reason: string) => {
    const record = deadLetterRecord(m, reason);
    try {
      await publishJson(opts.js, subjects.deadLetter(m.subject), record, `dlq:${def.durable}:${m.seq}`);
      log.warn({ subject: m.subject, streamSeq: m.seq, reason }, 'message dead-lettered');
      metrics.deadLetters.inc({ service: opts.service, consumer: def.durable });
      m.term(); // the reason lives in the dead-letter record (servers before 2.10 ignore a term reason)
    } catch (e) {
      log.error({ subject: m.subject, reason: describeError(e) }, 'dead-letter publish failed, will retry');
      m.nak(backoffMs(m.info.deliveryCount));
    }
  };

  /** An operator's message with a bad body is honoured; the body is reported on `dlq.<subject>` all the same. */
  const reportHonouredBadBody = async (m: JsMsg, problem: string) => {
    const reason = `honoured with its body ignored: ${problem}`;
    log.warn({ subject: m.subject, streamSeq: m.seq, reason }, 'operator message with a bad body');
    const record = deadLetterRecord(m, reason);
    await publishJson(opts.js, subjects.deadLetter(m.subject), record, `dlq:${def.durable}:${m.seq}`).catch((e: unknown) =>
      log.warn({ subject: m.subject, reason: describeError(e) }, 'could not report the bad body'),
    );
  };

  const processBatch = async (batch: JsMsg[]) => {
    const valid: { m: JsMsg; d: Delivery }[] = [];
    for (const m of batch) {
      try {
        const decoded = decodeMessage(m.subject, m.data);
        if (decoded.bodyProblem) await reportHonouredBadBody(m, decoded.bodyProblem);
        valid.push({ m, d: { ...decoded, subject: m.subject, streamSeq: m.seq, storedAt: new Date(Math.floor(Number(m.info.timestampNanos) / 1e6)), storedNanos: m.timestampNanos, deliveryCount: m.info.deliveryCount } });
      } catch (e) {
        await deadLetter(m, describeError(e));
      }
    }
    if (valid.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = await opts.handleBatch(valid.map((v) => v.d));
    } catch (e) {
      outcomes = valid.map((v) => outcomeOfError(e, v.d, log));
    }
    for (const [i, { m, d }] of valid.entries()) await settle(m, d, outcomes[i] ?? ack);
  };

  const held = new Set<Promise<void>>();
  const settle = async (m: JsMsg, d: Delivery, o: Outcome): Promise<void> => {
    if (o.kind !== 'later') metrics.consumerMessages.inc({ service: opts.service, consumer: def.durable, outcome: o.kind });
    if (o.kind === 'ack') m.ack();
    else if (o.kind === 'retry') m.nak(o.delayMs);
    else if (o.kind === 'dead') await deadLetter(m, o.reason);
    else {
      const settled = o.done
        .then((final) => settle(m, d, final), (e: unknown) => settle(m, d, outcomeOfError(e, d, log)))
        .finally(() => held.delete(settled));
      held.add(settled);
    }
  };

  const loop = (async () => {
    while (!stopping) {
      if (buffer.length === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      await processBatch(buffer.splice(0, maxBatch));
      roomFreed?.();
    }
  })();
  let crashed = false;
  loop.catch((e: unknown) => {
    crashed = true;
    log.fatal({ reason: describeError(e) }, 'consumer loop crashed');
  });

  log.info('consuming');
  return {
    isRunning: () => !stopping && !crashed,
    async stop() {
      stopping = true;
      wake?.();
      roomFreed?.();
      await loop;
      await intake;
      // Held messages are settled by their handler (which releases them when its service stops).
      await Promise.all([...held]);
      for (const m of buffer.splice(0)) m.nak(); // not started: let another replica have it now
    },
  };
}
