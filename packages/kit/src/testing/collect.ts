import type { NatsConnection } from '@nats-io/nats-core';

export interface Collected<T = unknown> {
  messages: { subject: string; data: T; raw: string }[];
  stop(): void;
}

/** Records every message on `subject` (core subscription) as parsed JSON, for assertions. */
export function collect<T = unknown>(nc: NatsConnection, subject: string): Collected<T> {
  const messages: Collected<T>['messages'] = [];
  const sub = nc.subscribe(subject, {
    callback: (_err, m) => {
      const raw = m.string();
      let data: unknown = raw;
      try {
        data = JSON.parse(raw);
      } catch {
        // keep the raw text
      }
      messages.push({ subject: m.subject, data: data as T, raw });
    },
  });
  return { messages, stop: () => sub.unsubscribe() };
}
