import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAction, insertActions, type ActionRow } from '@followups/actions';
import { subjects, TEAM_CHAT_ID, type SandboxDelivered, type ScheduleIntentInput } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { collect, waitFor, type Collected } from '@followups/kit/testing';
import { startInProcess, type InProcess } from '../support/in-process.js';

const HOUR = 3_600_000;

/** The limits a client cannot talk the agent past, and staleness after an outage. */
describe('limits and staleness', () => {
  let stack: InProcess;
  let delivered: Collected<SandboxDelivered>;
  let n = 0;
  const chat = () => String(60_000 + ++n);
  const status = (id: string) => waitFor(`action ${id} to end`, async (): Promise<ActionRow | undefined> => {
    const r = await getAction(stack.db, id);
    return r && !['pending', 'claimed', 'sending'].includes(r.status) ? r : undefined;
  }, 15_000);

  beforeAll(async () => {
    // A minimum gap of 3 s between bot messages to one chat, three pending follow-ups at most.
    stack = await startInProcess('actions_limits', { MIN_BOT_MESSAGE_GAP: '3s', MAX_PENDING_FOLLOW_UPS: '3' });
    delivered = collect<SandboxDelivered>(stack.bed.nc, 'sandbox.delivered.>');
  }, 60_000);
  afterAll(async () => {
    delivered?.stop();
    await stack?.stop();
  });

  it('keeps at most three pending follow-ups per chat: the newest replaces the oldest', async () => {
    const chatId = chat();
    for (let i = 1; i <= 4; i++) {
      const intent: ScheduleIntentInput = { chatId, action: { type: 'follow_up', payload: { text: `follow-up ${i}` } }, dueAt: new Date(Date.now() + i * HOUR).toISOString(), idempotencyKey: `limit-${i}` };
      await publishJson(stack.bed.js, subjects.scheduleIntent(chatId), intent);
      await waitFor(`intent ${i} stored`, async () => (await stack.db.selectFrom('scheduled_actions').select('id').where('chat_id', '=', chatId).where('idempotency_key', '=', `limit-${i}`).executeTakeFirst()) ?? undefined);
    }
    const rows = await stack.db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', chatId).orderBy('created_at').execute();
    expect(rows.map((r) => [r.idempotency_key, r.status, r.cancel_reason])).toEqual([
      ['limit-1', 'cancelled', 'replaced_by_newer'],
      ['limit-2', 'pending', null],
      ['limit-3', 'pending', null],
      ['limit-4', 'pending', null],
    ]);
  });

  it('holds a second bot message to one chat until the minimum gap has passed, without using up an attempt', async () => {
    const chatId = chat();
    const now = Date.now();
    const [a, b] = await insertActions(stack.db, [
      { chatId, type: 'follow_up', payload: { text: 'first' }, dueAt: new Date(now + 1000), cancelOn: [], reason: '', idempotencyKey: 'gap-a', source: 'api' },
      { chatId, type: 'follow_up', payload: { text: 'second' }, dueAt: new Date(now + 1200), cancelOn: [], reason: '', idempotencyKey: 'gap-b', source: 'api' },
    ]);
    const [first, second] = [await status(a!.id), await status(b!.id)];
    expect([first.status, second.status]).toEqual(['sent', 'sent']);
    const times = delivered.messages.filter((m) => m.data.chatId === chatId).map((m) => new Date(m.data.at).getTime());
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(3000);
    expect(second.attempts).toBe(1);
    expect(second.last_error).toMatch(/^min_gap/);
  });

  it('after an outage: a follow-up 13 h late expires, a task two days late still reports', async () => {
    const chatId = chat();
    const [late, task] = await insertActions(stack.db, [
      { chatId, type: 'follow_up', payload: { text: 'Добрый день!' }, dueAt: new Date(Date.now() - 13 * HOUR), cancelOn: [], reason: '', idempotencyKey: 'outage-1', source: 'api' },
      { chatId: TEAM_CHAT_ID, type: 'task', payload: { title: 'Backup health' }, dueAt: new Date(Date.now() - 48 * HOUR), cancelOn: [], reason: '', idempotencyKey: 'outage-task', source: 'cli' },
    ]);
    expect(await status(late!.id)).toMatchObject({ status: 'expired', cancel_reason: 'too_late' });
    expect((await status(task!.id)).status).toBe('sent');
    expect(delivered.messages.filter((m) => m.data.chatId === chatId)).toEqual([]);
  });

  it('refuses an intent more than 365 days ahead', async () => {
    const chatId = chat();
    const dlq = collect<{ reason: string }>(stack.bed.nc, 'dlq.schedule.intent.>');
    await publishJson(stack.bed.js, subjects.scheduleIntent(chatId), { chatId, action: { type: 'follow_up', payload: { text: 'x' } }, dueAt: new Date(Date.now() + 366 * 24 * HOUR).toISOString(), idempotencyKey: 'far' });
    const dead = await waitFor('dead-lettered', () => dlq.messages[0]);
    dlq.stop();
    expect(dead.data.reason).toMatch(/more than 365 days ahead/);
  });
});
