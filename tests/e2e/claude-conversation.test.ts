import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjects, type ConvIn } from '@followups/contracts';
import { collect, fakeReply, startFakeMessagesApi, toolResults, toolResultText, waitFor, type FakeMessagesApi } from '@followups/kit/testing';
import { addDays, localParts, zonedTimeToInstant } from '@followups/when';
import { startAll, startStack, type Stack } from '../support/stack.js';
import { actionsOf, SandboxClient } from '../support/sandbox-client.js';

const TZ = 'Asia/Makassar';

/** 10:00 local on the first Monday after the day of `at` (a Monday's is a week later): "после выходных". */
function nextMonday10(at: Date): Date {
  const today = localParts(at, TZ);
  const days = (8 - today.weekday) % 7 || 7;
  return zonedTimeToInstant(addDays(today, days), { hour: 10, minute: 0 }, TZ);
}
const localIso = (at: Date) => {
  const p = localParts(at, TZ);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
};

/**
 * The running stack (services as processes) with Claude as the agent's brain, Claude being the
 * local Messages API: the client's words go through the gateway, the agent's tool call becomes a
 * stored action, and the confirmation Claude writes from the tool result reaches the client.
 */
describe('a conversation with Claude through the running stack', () => {
  let stack: Stack;
  let api: FakeMessagesApi;

  beforeAll(async () => {
    api = await startFakeMessagesApi();
    stack = await startStack('e2e_claude');
    await startAll(stack, {
      agent: { ANTHROPIC_API_KEY: 'sk-ant-e2e-secret-0042', ANTHROPIC_BASE_URL: api.url, ANTHROPIC_TIMEOUT_MS: '5000', ANTHROPIC_MAX_RETRIES: '1' },
    });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await api?.close();
  });

  it('"давайте после выходных" schedules next Monday 10:00 local, and the confirmation names that day', async () => {
    const client = new SandboxClient(stack.nc);
    const convIn = collect<ConvIn>(stack.nc, subjects.convIn(client.chatId));
    api.handle(async (request) => {
      const [result] = toolResults(request);
      if (result) {
        // Claude's confirmation, from what the tool said was stored.
        const stored = JSON.parse(toolResultText(result)) as { client_local_time: string };
        return fakeReply.text(`Хорошо, напишу вам после выходных: ${stored.client_local_time}.`);
      }
      const message = await waitFor('the conv.in the agent is answering', () => convIn.messages[0]?.data);
      return fakeReply.toolUse('schedule_followup', {
        client_words: 'после выходных',
        due_at_local: localIso(nextMonday10(new Date(message.at))),
        text: 'Добрый день! Выходные позади — вернёмся к выбору виллы?',
        reason: 'client asked to talk after the weekend',
      });
    });

    client.say('Спасибо, давайте после выходных');
    const confirmation = await client.waitForMessage((t) => t.startsWith('Хорошо'), 'the confirmation');
    // `find`, not `filter`: an empty array would end the wait before the scheduler stored the row.
    const action = await waitFor('the stored follow-up', async () => (await actionsOf(stack.db, client.chatId)).find((a) => a.status === 'pending'));
    const at = new Date(convIn.messages[0]!.data.at);
    const monday = nextMonday10(at);

    expect(action.due_at.toISOString()).toBe(monday.toISOString());
    expect(localParts(action.due_at, TZ)).toMatchObject({ weekday: 1, hour: 10, minute: 0 });
    expect(action.source).toBe('agent');
    expect(action.payload).toMatchObject({ text: 'Добрый день! Выходные позади — вернёмся к выбору виллы?' });
    expect(confirmation.text).toContain('понедельник');
    expect(confirmation.text).toContain(`понедельник, ${localParts(monday, TZ).day} `);
    expect(api.requests).toHaveLength(2);
    expect(stack.logs('agent')).not.toContain('sk-ant-e2e-secret-0042');
    client.stop();
    convIn.stop();
  });
});
