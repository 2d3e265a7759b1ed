import { errors } from 'telegram';
import { NonRetriableError, RetryLaterError } from '@followups/kit';

/**
 * Telegram's answers, as the kit's consumer loop understands them. GramJS raises `RPCError`s
 * (`errorMessage` is Telegram's code, e.g. `USER_IS_BLOCKED`) and `FloodWaitError` (`seconds`).
 */

/** The client can never receive a message from us: the action ends `failed` with this reason, never retried. */
export const PERMANENT_SEND_ERRORS = new Set(['USER_IS_BLOCKED', 'INPUT_USER_DEACTIVATED', 'PEER_ID_INVALID', 'USER_PRIVACY_RESTRICTED', 'USER_DEACTIVATED', 'CHAT_WRITE_FORBIDDEN']);

/** The session itself is gone: nothing can be sent until an operator logs in again. */
export const SESSION_ERRORS = new Set(['AUTH_KEY_UNREGISTERED', 'SESSION_REVOKED', 'AUTH_KEY_DUPLICATED', 'USER_DEACTIVATED_BAN', 'SESSION_EXPIRED']);

/** Telegram remembers the random id: the message already went out. */
export const RANDOM_ID_DUPLICATE = 'RANDOM_ID_DUPLICATE';

/** The session was revoked or duplicated: stop sending, tell the operators. */
export class SessionRevokedError extends NonRetriableError {
  override name = 'SessionRevokedError';
}
export const isSessionRevokedError = (e: unknown): e is SessionRevokedError => e instanceof SessionRevokedError;

export type SendFailure =
  | { kind: 'duplicate' }
  | { kind: 'flood_wait'; seconds: number; error: RetryLaterError }
  | { kind: 'permanent'; reason: string; error: NonRetriableError }
  | { kind: 'session'; reason: string; error: SessionRevokedError }
  | { kind: 'transient'; error: unknown };

/** What a failed send means: already sent, wait X seconds, never, the session is gone, or try again. */
export function classifySendError(e: unknown): SendFailure {
  if (e instanceof errors.FloodWaitError) {
    const seconds = Number(e.seconds) || 1;
    return { kind: 'flood_wait', seconds, error: new RetryLaterError(`FLOOD_WAIT_${seconds}`, seconds * 1000, { cause: e }) };
  }
  if (e instanceof errors.RPCError) {
    const code = e.errorMessage;
    if (code === RANDOM_ID_DUPLICATE) return { kind: 'duplicate' };
    if (PERMANENT_SEND_ERRORS.has(code)) return { kind: 'permanent', reason: code, error: new NonRetriableError(code, { cause: e }) };
    if (SESSION_ERRORS.has(code)) return { kind: 'session', reason: code, error: new SessionRevokedError(code, { cause: e }) };
  }
  return { kind: 'transient', error: e };
}
