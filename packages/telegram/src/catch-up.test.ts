import bigInt from 'big-integer';
import { describe, expect, it } from 'vitest';
import { Api } from 'telegram';
import { catchUp, type UpdateState } from './catch-up.js';
import { classifyUpdate } from './classify-update.js';

/** A stand-in for `updates.getDifference`: answers each request from a script, records what it was asked. */
function script(answers: Api.updates.TypeDifference[]) {
  const asked: { pts: number; date: number; qts: number }[] = [];
  const getDifference = async (r: Api.updates.GetDifference) => {
    asked.push({ pts: r.pts, date: r.date, qts: r.qts });
    const answer = answers.shift();
    if (!answer) throw new Error('asked once too often');
    return answer;
  };
  return { getDifference, asked };
}

const DATE = 1_795_000_000;
const state = (pts: number): Api.updates.State => new Api.updates.State({ pts, qts: 0, date: DATE + pts, seq: pts, unreadCount: 0 });
const clientMessage = (id: number, text: string) => new Api.Message({ id, peerId: new Api.PeerUser({ userId: bigInt(555) }), date: DATE, message: text, out: false });
const start: UpdateState = { pts: 10, qts: 0, date: DATE, seq: 1 };

describe('catchUp', () => {
  it('replays what arrived while the connection was down, slice after slice, and ends at the final state', async () => {
    const { getDifference, asked } = script([
      new Api.updates.DifferenceSlice({ newMessages: [clientMessage(41, 'напишите завтра')], newEncryptedMessages: [], otherUpdates: [], chats: [], users: [], intermediateState: state(11) }),
      new Api.updates.Difference({ newMessages: [clientMessage(42, 'и позвоните')], newEncryptedMessages: [], otherUpdates: [new Api.UpdateReadHistoryOutbox({ peer: new Api.PeerUser({ userId: bigInt(555) }), maxId: 40, pts: 12, ptsCount: 1 })], chats: [], users: [], state: state(12) }),
    ]);
    const seen: Api.TypeUpdate[] = [];
    const end = await catchUp(start, getDifference, (u) => seen.push(u));
    expect(asked).toEqual([
      { pts: 10, date: DATE, qts: 0 },
      { pts: 11, date: DATE + 11, qts: 0 },
    ]);
    expect(end).toEqual({ pts: 12, qts: 0, date: DATE + 12, seq: 12 });
    // What was missed reaches the same classification as a live update: the client's messages are answered.
    const events = seen.flatMap((u) => classifyUpdate(u, { isOwnSend: () => false }));
    expect(events.map((e) => [e.kind, e.messageId, e.text])).toEqual([
      ['client', 41, 'напишите завтра'],
      ['client', 42, 'и позвоните'],
    ]);
  });

  it('nothing missed: one request, the date and seq move on', async () => {
    const { getDifference, asked } = script([new Api.updates.DifferenceEmpty({ date: DATE + 100, seq: 7 })]);
    expect(await catchUp(start, getDifference, () => {})).toEqual({ pts: 10, qts: 0, date: DATE + 100, seq: 7 });
    expect(asked).toHaveLength(1);
  });

  it('too much to replay: continues from the point Telegram gives', async () => {
    const { getDifference, asked } = script([new Api.updates.DifferenceTooLong({ pts: 500 }), new Api.updates.DifferenceEmpty({ date: DATE + 1, seq: 2 })]);
    expect(await catchUp(start, getDifference, () => {})).toMatchObject({ pts: 500 });
    expect(asked.map((a) => a.pts)).toEqual([10, 500]);
  });
});
