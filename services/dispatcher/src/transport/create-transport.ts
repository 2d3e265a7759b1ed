import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Clock } from '@followups/kit';
import type { DispatcherConfig } from '../config.js';
import type { OutboundTransport } from './outbound-transport.js';
import { createSandboxTransport } from './sandbox-transport.js';

/** The transport `TRANSPORT` names. The config schema already refused unknown names. */
export function createTransport(name: DispatcherConfig['TRANSPORT'], deps: { js: JetStreamClient; jsm: JetStreamManager; clock: Clock }): OutboundTransport {
  switch (name) {
    case 'sandbox':
      return createSandboxTransport(deps);
  }
}
