import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '@followups/contracts';
import { decodeMessage } from './decode.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeMessage bounds a body before anything walks it', () => {
  it('refuses a body larger than MAX_BODY_BYTES and one nested deeper than 64 levels', () => {
    expect(() => decodeMessage('schedule.cancel.1', enc(`{"reason":"${'x'.repeat(MAX_BODY_BYTES)}"}`))).toThrow(/larger than/);
    expect(() => decodeMessage('schedule.cancel.1', enc(`{"extra":${'['.repeat(10_000)}${']'.repeat(10_000)}}`))).toThrow(/nested deeper than 64 levels/);
    expect(decodeMessage('schedule.cancel.1', enc('{"reason":"ok","extra":[[1]]}'))).toMatchObject({ family: 'schedule.cancel', payload: { reason: 'ok' } });
  });

  it("honours an operator's takeover whatever its body, and says what was wrong with it", () => {
    expect(decodeMessage('ops.takeover.1', enc('anna'))).toMatchObject({ family: 'ops.takeover', chatId: '1', payload: {}, bodyProblem: expect.stringMatching(/^invalid JSON/) });
    expect(() => decodeMessage('conv.in.1', enc('anna'))).toThrow(/^invalid JSON/);
  });
});
