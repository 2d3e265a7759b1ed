import { NonRetriableError, ack, ensureConsumers, outcomeOfError, runConsumer, type Delivery, type Outcome, type RunningConsumer } from '@followups/kit';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { InboundSink, InboundTransport } from './inbound-transport.js';

/** The sandbox's name for whoever types on `sandbox.operator.<chat>`. */
export const SANDBOX_OPERATOR = 'sandbox';

/**
 * The stand-in for Telegram: what people type arrives on `sandbox.client.<chat>` and
 * `sandbox.operator.<chat>`, captured by the SANDBOX_INPUT stream and read through the shared
 * durable `gateway-sandbox` consumer, so a message typed while the gateway is down is reported
 * when it comes back. The stream sequence is the message id; the stream's time is the send time.
 * Invalid payloads never reach the sink: runConsumer dead-letters them.
 */
export function sandboxTransport(deps: { js: JetStreamClient; jsm: JetStreamManager; log: Logger }): InboundTransport {
  let running: RunningConsumer | undefined;
  return {
    name: 'sandbox',
    async start(sink) {
      await ensureConsumers(deps.jsm, ['gatewaySandbox']);
      running = await runConsumer({
        js: deps.js,
        consumer: 'gatewaySandbox',
        service: 'gateway',
        log: deps.log,
        // The whole batch is handed over at once: each report issues its publishes synchronously, in
        // order, and the acks are awaited together rather than one message at a time.
        handleBatch: (batch) => Promise.all(batch.map((d) => report(sink, d).then((): Outcome => ack, (e: unknown) => outcomeOfError(e, d, deps.log)))),
      });
    },
    async stop() {
      const r = running;
      running = undefined;
      await r?.stop();
    },
  };
}

function report(sink: InboundSink, d: Delivery): Promise<void> {
  if (d.family === 'sandbox.client') {
    const from = d.payload.name ? { name: d.payload.name } : {};
    return sink.clientMessage({ chatId: d.chatId, messageId: d.streamSeq, text: d.payload.text, at: d.storedAt, from });
  }
  if (d.family === 'sandbox.operator') {
    return sink.operatorMessage({ chatId: d.chatId, messageId: d.streamSeq, text: d.payload.text, at: d.storedAt, operator: SANDBOX_OPERATOR });
  }
  return Promise.reject(new NonRetriableError(`the sandbox transport does not handle ${d.subject}`));
}
