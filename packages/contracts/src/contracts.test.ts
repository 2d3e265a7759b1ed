import { describe, expect, it } from 'vitest';
import { TEAM_CHAT_ID, actionAudience, actionSchema, actionTypes, defaultCancelOn, jsonDepth, MAX_MESSAGE_LENGTH, MAX_PAYLOAD_DEPTH, parseSubject, payloadSchemas, streams, subjects, type PayloadOf, type SubjectFamily } from './index.js';

const at = '2026-11-18T07:20:00.000Z';
const actionId = '0b7c2d1e-4f5a-4b6c-9d8e-1f2a3b4c5d6e';

/** One sample per subject family, typed by the family's inferred type: drift between the two fails to compile. */
const samples: { [F in SubjectFamily]: PayloadOf<F> } = {
  'conv.in': { chatId: '123', messageId: 17, text: 'напиши через неделю', at, from: { id: '123', name: 'Ivan' } },
  'conv.out': { chatId: '123', text: 'Добрый день!', at, by: 'bot', actionId },
  'agent.reply': { chatId: '123', text: 'Хорошо, напишу вам в среду, 25 ноября, в 10:00', inReplyTo: 17, part: 0 },
  'schedule.intent': {
    chatId: '123',
    action: { type: 'follow_up', payload: { text: 'Добрый день!' } },
    dueAt: '2026-11-25T02:00:00.000Z',
    cancelOn: ['client_reply', 'takeover'],
    reason: 'напиши через неделю',
    idempotencyKey: 'agent:123:17:0',
    contextAt: at,
    timeZone: 'Asia/Makassar',
    source: 'agent',
  },
  'schedule.cancel': { reason: 'client_opted_out', actionId },
  'schedule.due': { actionId, chatId: '123', dueAt: at, action: { type: 'reminder', payload: { text: 'Встреча через час', meetingAt: at, meetingId: 'demo-1' } } },
  'meeting.booked': { meetingId: 'demo-1', at, timeZone: 'Europe/Moscow', title: 'Демонстрация виллы', remindBefore: ['24h', '1h'], by: 'agent' },
  'meeting.cancelled': { meetingId: 'demo-1', reason: 'client_cancelled' },
  'ops.takeover': { operator: 'anna', reason: 'big deal' },
  'ops.release': { operator: 'anna' },
  'ops.attention': { chatId: '123', reason: 'question', text: 'а сколько стоит?', at, messageId: 17, suggested: 'answer the price', contact: { name: 'Ivan' }, by: 'agent' },
  'ops.attended': { operator: 'anna' },
  'sandbox.client': { text: 'привет' },
  'sandbox.operator': { text: 'Здравствуйте, это Анна' },
  'sandbox.delivered': { chatId: '123', text: 'Добрый день!', randomId: '-4512345678901234567', actionId, at },
  'sandbox.outbox': { chatId: '123', text: 'Добрый день!', randomId: '-4512345678901234567', at },
};

describe('contracts', () => {
  it.each(Object.entries(samples))('%s sample survives a JSON round trip unchanged', (family, sample) => {
    const parsed = payloadSchemas[family as SubjectFamily].parse(JSON.parse(JSON.stringify(sample)));
    expect(parsed).toEqual(sample);
  });

  it('every family is routed from its subject, and each subject lives in exactly one stream', () => {
    const builders: Record<SubjectFamily, (c: string) => string> = {
      'conv.in': subjects.convIn,
      'conv.out': subjects.convOut,
      'agent.reply': subjects.agentReply,
      'schedule.intent': subjects.scheduleIntent,
      'schedule.cancel': subjects.scheduleCancel,
      'schedule.due': subjects.scheduleDue,
      'meeting.booked': subjects.meetingBooked,
      'meeting.cancelled': subjects.meetingCancelled,
      'ops.takeover': subjects.opsTakeover,
      'ops.release': subjects.opsRelease,
      'ops.attention': subjects.opsAttention,
      'ops.attended': subjects.opsAttended,
      'sandbox.client': subjects.sandboxClient,
      'sandbox.operator': subjects.sandboxOperator,
      'sandbox.delivered': subjects.sandboxDelivered,
      'sandbox.outbox': subjects.sandboxOutbox,
    };
    for (const [family, build] of Object.entries(builders)) {
      const subject = build('-100123');
      expect(parseSubject(subject)).toEqual({ family, chatId: '-100123' });
      if (family === 'sandbox.delivered') continue; // a core re-publish of SANDBOX_DELIVERED, not stored itself
      const holders = Object.values(streams).filter((s) => s.subjects.some((w) => subject.startsWith(w.slice(0, -1))));
      expect(holders).toHaveLength(1);
    }
  });

  it('rejects subjects that are not ours or whose chat id is not decimal', () => {
    expect(parseSubject('conv.in.abc')).toBeNull();
    expect(parseSubject('conv.in')).toBeNull();
    expect(parseSubject('foo.bar.1')).toBeNull();
  });

  it('accepts an empty takeover and release, and numeric chat ids', () => {
    expect(payloadSchemas['ops.takeover'].parse({})).toEqual({});
    expect(payloadSchemas['ops.release'].parse({})).toEqual({});
    expect(payloadSchemas['conv.in'].parse({ ...samples['conv.in'], chatId: 123 }).chatId).toBe('123');
  });

  it('names every action type once, in the union and in the type list', () => {
    const inUnion = actionSchema.options.map((o) => o.shape.type.value).sort();
    expect([...actionTypes].sort()).toEqual(inUnion);
    for (const t of actionTypes) expect(defaultCancelOn[t]).toBeDefined();
  });

  it('a call is scheduled like any action and cancelled by neither a reply nor a takeover by default', () => {
    const intent = payloadSchemas['schedule.intent'].parse({
      chatId: '1',
      action: { type: 'call', payload: { note: 'наберите завтра в 11', contact: { name: 'Ivan' } } },
      dueAt: at,
      idempotencyKey: 'k',
    });
    expect(intent.action.type).toBe('call');
    expect(defaultCancelOn.call).toEqual([]);
    expect(actionAudience.call).toBe('team');
  });

  it('a cancel may be scoped to types and to actions scheduled before a moment', () => {
    expect(payloadSchemas['schedule.cancel'].parse({ reason: 'r', types: ['call'], before: at })).toEqual({ reason: 'r', types: ['call'], before: at });
    expect(payloadSchemas['schedule.cancel'].safeParse({ types: [] }).success).toBe(false);
    expect(payloadSchemas['schedule.cancel'].safeParse({ types: ['meeting'] }).success).toBe(false);
  });

  it('an empty attended is valid; an attention needs its reason and time', () => {
    expect(payloadSchemas['ops.attended'].parse({})).toEqual({});
    expect(payloadSchemas['ops.attention'].safeParse({ chatId: '1', text: 'x', at }).success).toBe(false);
    expect(payloadSchemas['ops.attention'].parse({ chatId: '1', reason: 'question', text: 'x', at }).by).toBe('agent');
  });

  it('bounds what an intent may carry: Telegram-sized text, a plausible year, a custom payload of bounded depth and size', () => {
    const base = { chatId: '1', dueAt: at, idempotencyKey: 'k' };
    const followUp = (text: string) => ({ ...base, action: { type: 'follow_up', payload: { text } } });
    expect(payloadSchemas['schedule.intent'].safeParse(followUp('x'.repeat(MAX_MESSAGE_LENGTH))).success).toBe(true);
    expect(payloadSchemas['schedule.intent'].safeParse(followUp('x'.repeat(MAX_MESSAGE_LENGTH + 1))).success).toBe(false);
    for (const dueAt of ['9999-12-31T00:00:00Z', '0000-01-01T00:00:00Z', '1970-01-01T00:00:00Z']) {
      expect(payloadSchemas['schedule.intent'].safeParse({ ...followUp('x'), dueAt }).success).toBe(false);
    }
    // Built as text and parsed, as a consumer gets it: JSON.stringify itself would overflow on it.
    const deep: unknown = JSON.parse(`${'{"d":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    const custom = (data: unknown) => ({ ...base, action: { type: 'custom', payload: { name: 'n', data } } });
    const tooDeep = payloadSchemas['schedule.intent'].safeParse(custom(deep));
    expect(tooDeep.success).toBe(false);
    expect(tooDeep.error?.issues[0]?.message).toBe(`nested deeper than ${MAX_PAYLOAD_DEPTH} levels`);
    expect(payloadSchemas['schedule.intent'].safeParse(custom({ blob: 'x'.repeat(70_000) })).success).toBe(false);
    expect(payloadSchemas['schedule.intent'].safeParse(custom({ a: { b: [1, { c: 2 }] } })).success).toBe(true);
    expect(jsonDepth({ a: { b: [1] } })).toBe(3);
  });

  it('carries a recurring task for the team: its title, note, e-mails and the series pattern', () => {
    const intent = { chatId: TEAM_CHAT_ID, action: { type: 'task', payload: { title: 'Backup health', note: 'check the nightly job', emails: ['ops@example.com'] } }, dueAt: '2026-12-07T02:00:00.000Z', idempotencyKey: 'cli:1', recurrence: { pattern: '0 10 * * 1', timeZone: 'Asia/Makassar', description: 'every Monday at 10:00' } };
    expect(payloadSchemas['schedule.intent'].parse(intent)).toMatchObject(intent);
    expect(payloadSchemas['schedule.intent'].safeParse({ ...intent, action: { type: 'task', payload: { title: 'x', emails: ['not-an-address'] } } }).success).toBe(false);
    expect(actionAudience.task).toBe('team');
    expect(defaultCancelOn.task).toEqual([]);
  });

  it('fills defaults an intent may omit', () => {
    const { chatId, action, dueAt, idempotencyKey } = samples['schedule.intent'];
    const minimal = { chatId, action, dueAt, idempotencyKey };
    expect(payloadSchemas['schedule.intent'].parse(minimal)).toMatchObject({ reason: '', source: 'api' });
  });
});

describe('chat ids', () => {
  it.each(Object.keys(payloadSchemas))('only the canonical form names a chat on %s subjects: no leading zeros, no -0', (family) => {
    for (const bad of ['0810000187', '-0810000187', '-0', '00']) expect(parseSubject(`${family}.${bad}`)).toBeNull();
    expect(parseSubject(`${family}.810000187`)).toEqual({ family, chatId: '810000187' });
    expect(parseSubject(`${family}.-100810000187`)).toEqual({ family, chatId: '-100810000187' });
  });

  it.each(['0810000187', '-0', '007'])('rejects the non-canonical id %j in a payload', (v) => {
    expect(payloadSchemas['conv.in'].safeParse({ chatId: v, messageId: 1, text: 't', at, from: {} }).success).toBe(false);
  });

  it.each(['abc', '', '1.5', '99999999999999999999', '9223372036854775808'])('rejects %j with a failure, not an exception', (v) => {
    expect(payloadSchemas['conv.out'].safeParse({ chatId: v, text: 't', at, by: 'bot' }).success).toBe(false);
  });
  it.each(['-1001234567890', '9223372036854775807', 42])('accepts %j', (v) => {
    expect(payloadSchemas['conv.out'].safeParse({ chatId: v, text: 't', at, by: 'bot' }).success).toBe(true);
  });
});
