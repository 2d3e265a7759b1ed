import type { Logger } from 'pino';
import type { Clock } from '@followups/kit';
import type { OutboundTransport } from './transport/outbound-transport.js';

/** What a custom action's executor gets: the action, and the means to act. */
export interface CustomActionContext {
  actionId: string;
  chatId: string;
  /** The action's `payload.data` as scheduled. */
  data: Record<string, unknown>;
  /** The action's own random id, for an executor that sends a message: a retry then cannot send twice. */
  randomId: string;
  transport: OutboundTransport;
  clock: Clock;
  log: Logger;
}

/**
 * Runs one kind of custom action ("remember any action for later"). Resolve when done; throw
 * NonRetriableError to end the action `failed`, anything else to try again later. An executor
 * may run more than once for one action (a dispatcher died mid-way), so it must be idempotent.
 */
export type ActionExecutor = (ctx: CustomActionContext) => Promise<void>;

/** Executors by `payload.name`. None is registered by default. */
export type ExecutorRegistry = ReadonlyMap<string, ActionExecutor>;
