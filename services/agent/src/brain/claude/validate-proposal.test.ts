import { describe, expect, it } from 'vitest';
import { localToInstant } from './local-time.js';
import { validateProposal, type ProposalCheck } from './validate-proposal.js';

const AT = new Date('2026-11-18T07:20:00.000Z'); // Wednesday 15:20 in Asia/Makassar
const check = (text: string, over: Partial<ProposalCheck> = {}): ProposalCheck => ({
  message: { text, at: AT },
  clientTexts: [text],
  timeZone: 'Asia/Makassar',
  defaultHour: 10,
  horizonMs: 366 * 86_400_000,
  ...over,
});

describe('validateProposal', () => {
  it('keeps a proposal the resolver agrees with', () => {
    expect(validateProposal(check('напишите в пятницу'), { client_words: 'в пятницу', due_at_local: '2026-11-20T10:00' })).toEqual({
      ok: true,
      at: new Date('2026-11-20T02:00:00.000Z'),
      proposed: new Date('2026-11-20T02:00:00.000Z'),
      source: 'resolver',
      from: 'client_words',
    });
  });

  it("lets the resolver's reading of the client's words win over Claude's arithmetic", () => {
    const verdict = validateProposal(check('Напишите через 2 часа'), { client_words: 'через 2 часа', due_at_local: '2026-11-18T18:00' });
    expect(verdict).toMatchObject({ ok: true, at: new Date('2026-11-18T09:20:00.000Z'), proposed: new Date('2026-11-18T10:00:00.000Z'), source: 'resolver' });
  });

  it('reads the whole message when the quoted words are not what the client wrote', () => {
    const verdict = validateProposal(check('давайте завтра'), { client_words: 'через неделю', due_at_local: '2026-11-25T10:00' });
    expect(verdict).toMatchObject({ ok: true, at: new Date('2026-11-19T02:00:00.000Z'), source: 'resolver', from: 'message' });
  });

  it('uses words the client wrote earlier in the chat, matched loosely', () => {
    const verdict = validateProposal(check('да, давайте', { clientTexts: ['Напишите в Понедельник!', 'да, давайте'] }), {
      client_words: 'в понедельник',
      due_at_local: '2026-11-23T11:00',
    });
    expect(verdict).toMatchObject({ ok: true, at: new Date('2026-11-23T02:00:00.000Z'), from: 'client_words' });
  });

  it("keeps Claude's time when the resolver does not understand the words, in the client's zone", () => {
    const words = 'напишите, когда я вернусь из отпуска';
    const verdict = validateProposal(check(words, { timeZone: 'Europe/Berlin' }), { client_words: words, due_at_local: '2026-12-03T10:00' });
    expect(verdict).toEqual({ ok: true, at: new Date('2026-12-03T09:00:00.000Z'), proposed: new Date('2026-12-03T09:00:00.000Z'), source: 'proposal' });
  });

  it.each([
    ['in the past', '2026-11-18T15:00', /not in the future; the client's local time now is 2026-11-18T15:20/],
    ['exactly now', '2026-11-18T15:20', /not in the future/],
    ['more than a year ahead', '2027-11-20T10:00', /more than 366 days ahead/],
    ['not a real date', '2026-02-30T10:00', /not a real date and time/],
    ['not a real time', '2026-11-20T24:30', /not a real date and time/],
  ])('refuses a time %s, saying why', (_what, due, error) => {
    const verdict = validateProposal(check('ну как-нибудь потом'), { client_words: 'как-нибудь потом', due_at_local: due });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.error).toMatch(error);
  });

  it('converts local wall time through DST correctly', () => {
    expect(localToInstant('2026-03-29T10:00', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T08:00:00.000Z'); // CEST
    expect(localToInstant('2026-03-28T10:00', 'Europe/Berlin')?.toISOString()).toBe('2026-03-28T09:00:00.000Z'); // CET
    expect(localToInstant('2026-11-18 10:00', 'Europe/Berlin')).toBeNull();
  });

  it('"после выходных": next Monday 10:00, whether or not the resolver knows the phrase yet', () => {
    const verdict = validateProposal(check('давайте после выходных'), { client_words: 'после выходных', due_at_local: '2026-11-23T10:00' });
    expect(verdict).toMatchObject({ ok: true, at: new Date('2026-11-23T02:00:00.000Z') });
  });
});
