import type { InputRelay } from '../read-barrier.js';

/** One message to the client. */
export interface OutboundMessage {
  chatId: string;
  text: string;
  /** Telegram's `random_id` (signed 64-bit, decimal), derived from the send's idempotency key. */
  randomId: string;
  /** The action this message fulfils, when it is one. */
  actionId?: string;
  /** The client's message this answers: the transport marks the chat read up to it first, as a person would. */
  readUpTo?: number;
}

/**
 * How the dispatcher reaches the client: the sandbox, or the Telegram account through its session holder. `send` resolves once the
 * message is accepted; it rejects with RandomIdDuplicateError when `randomId` was used before
 * (the message already went out), and with any other error for a failure worth retrying.
 */
export interface OutboundTransport {
  readonly name: string;
  send(message: OutboundMessage): Promise<void>;
  /**
   * When the transport itself first stored the client's latest message in this chat, or null.
   * That instant, not the later relay to `conv.in`, is the one from which a client reply must win:
   * a message stored a moment before a send but relayed a moment after it still cancels the send.
   */
  lastClientMessageAt?(chatId: string): Promise<Date | null>;
  /**
   * For a transport that stores client messages itself before the gateway relays them to conv.in
   * (the sandbox): where, and the relaying consumer, so a batch can wait until all were relayed.
   */
  readonly relay?: InputRelay;
}

/** Telegram's `RANDOM_ID_DUPLICATE`: this random id was already sent, so the client has the message. */
export class RandomIdDuplicateError extends Error {
  override name = 'RandomIdDuplicateError';
  constructor(
    readonly randomId: string,
    options?: { cause?: unknown },
  ) {
    super(`RANDOM_ID_DUPLICATE: random id ${randomId} was already sent`, options);
  }
}
export const isRandomIdDuplicateError = (e: unknown): e is RandomIdDuplicateError => e instanceof RandomIdDuplicateError;

/**
 * Sends, treating a duplicate refusal as success: the only way to get it is that an earlier
 * attempt (ours, or a dispatcher that died after sending) already delivered the message.
 * Returns whether this call delivered it.
 */
export async function sendOnce(transport: OutboundTransport, message: OutboundMessage): Promise<'sent' | 'already_sent'> {
  try {
    await transport.send(message);
    return 'sent';
  } catch (e) {
    if (isRandomIdDuplicateError(e)) return 'already_sent';
    throw e;
  }
}
