import { describe, expect, it } from 'vitest';
import bigInt from 'big-integer';
import { Api, errors } from 'telegram';
import { isNonRetriableError, isRetryLaterError } from '@followups/kit';
import { classifySendError, isSessionRevokedError, PERMANENT_SEND_ERRORS } from './errors.js';

/** The request the errors answer: a send, as the dispatcher's transport makes it. */
const send = new Api.messages.SendMessage({ peer: new Api.InputPeerUser({ userId: bigInt(555), accessHash: bigInt(0) }), message: 'Добрый день!', randomId: bigInt(1) });

describe('classifySendError', () => {
  it('FLOOD_WAIT_7 waits 7 s', () => {
    const failure = classifySendError(new errors.FloodWaitError({ request: undefined, capture: 7 }));
    expect(failure).toMatchObject({ kind: 'flood_wait', seconds: 7 });
    expect(failure.kind === 'flood_wait' && isRetryLaterError(failure.error) && failure.error.delayMs).toBe(7000);
  });

  it('RANDOM_ID_DUPLICATE means the message already went out', () => {
    expect(classifySendError(new errors.RPCError('RANDOM_ID_DUPLICATE', send, 500))).toEqual({ kind: 'duplicate' });
  });

  it.each([...PERMANENT_SEND_ERRORS])('%s ends the action with its reason, never retried', (code) => {
    const failure = classifySendError(new errors.RPCError(code, send, 400));
    expect(failure).toMatchObject({ kind: 'permanent', reason: code });
    expect(failure.kind === 'permanent' && isNonRetriableError(failure.error)).toBe(true);
  });

  it.each(['AUTH_KEY_UNREGISTERED', 'SESSION_REVOKED', 'AUTH_KEY_DUPLICATED'])('%s means the session is gone', (code) => {
    const failure = classifySendError(new errors.RPCError(code, send, 401));
    expect(failure).toMatchObject({ kind: 'session', reason: code });
    expect(failure.kind === 'session' && isSessionRevokedError(failure.error)).toBe(true);
  });

  it('anything else is worth another try', () => {
    expect(classifySendError(new Error('socket hang up'))).toMatchObject({ kind: 'transient' });
    expect(classifySendError(new errors.RPCError('INTERNAL', send, 500))).toMatchObject({ kind: 'transient' });
  });
});
