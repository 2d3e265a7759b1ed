import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionHistory, getAction } from '@followups/actions';
import { subjects, TEAM_CHAT_ID, type OpsAttention, type SandboxDelivered } from '@followups/contracts';
import { collect, waitFor, type Collected } from '@followups/kit/testing';
import { startSmtpSink, type SmtpSink } from '@followups/mailer/testing';
import { run, type Io } from '@followups/cli';
import { startInProcess, type InProcess } from '../support/in-process.js';

/**
 * The team's scheduled checks: `task create` through the CLI, the scheduler, and the dispatcher,
 * whose report must arrive at a real SMTP server the test runs, and at ops.attention.
 */
describe('tasks: a check for the team, reported by e-mail', () => {
  let sink: SmtpSink;
  let stack: InProcess;
  let attention: Collected<OpsAttention>;
  let teamChat: Collected<SandboxDelivered>;

  async function cli(argv: string[]) {
    const text = { out: '', err: '' };
    const io: Io = { stdout: { write: (s: string) => (text.out += s) }, stderr: { write: (s: string) => (text.err += s) }, env: { ...stack.env, FOLLOWUPS_USER: 'anna', CLI_WAIT_MS: '5000' }, clock: () => new Date() };
    return { code: await run(argv, io), ...text };
  }
  const idOf = (out: string) => /scheduled\s+([0-9a-f-]{36})/.exec(out)![1]!;

  beforeAll(async () => {
    sink = await startSmtpSink({
      rejectRecipients: (addr) => (addr.startsWith('nobody@') ? { code: 550, message: '5.1.1 no such user' } : null),
    });
    stack = await startInProcess('actions_tasks', { SMTP_URL: sink.url, REPORT_FROM: 'followups@team.test', REPORT_TO: 'lead@team.test', MAX_SEND_ATTEMPTS: '3', OPERATORS_CHAT: '-100200300' });
    attention = collect<OpsAttention>(stack.bed.nc, 'ops.attention.>');
    teamChat = collect<SandboxDelivered>(stack.bed.nc, subjects.sandboxDelivered('-100200300'));
  }, 60_000);
  afterAll(async () => {
    attention?.stop();
    teamChat?.stop();
    await stack?.stop();
    await sink?.stop();
  });

  it('e-mails the report — title, note, when and by whom it was created — and hands it to the operators', async () => {
    const created = await cli(['task', 'create', '2s', 'Backup health', '--note', "check last night's restore test", '--email', 'ops@team.test', '--email', 'cto@team.test']);
    expect(created).toMatchObject({ code: 0, err: '' });
    expect(created.out).toMatch(/report to\s+the operators' chat -100200300, "followups attention", e-mail to ops@team.test, cto@team.test/);
    const id = idOf(created.out);

    const [mail] = await sink.waitFor(1, 15_000);
    expect(mail!.subject).toBe('[followups] Backup health');
    expect(mail!.from).toContain('followups@team.test');
    expect(mail!.envelope.to.sort()).toEqual(['cto@team.test', 'ops@team.test']);
    expect(mail!.text).toContain('Task due: Backup health');
    expect(mail!.text).toContain("check last night's restore test");
    expect(mail!.text).toMatch(/Created \d{4}-\d\d-\d\dT\S+ by cli:anna\./);
    expect(mail!.messageId).toContain(id);

    const sent = await waitFor('the task marked sent', async () => ((await getAction(stack.db, id))?.status === 'sent' ? true : undefined));
    expect(sent).toBe(true);
    const item = await waitFor('the attention item', () => attention.messages.find((m) => m.data.actionId === id));
    expect(item.data).toMatchObject({ chatId: TEAM_CHAT_ID, reason: 'task_due', suggested: 'Backup health', by: 'dispatcher' });
    expect((await actionHistory(stack.db, id)).map((e) => e.actor)).toEqual(['cli:anna', 'scheduler:s1', 'dispatcher:d1', 'dispatcher:d1']);
    const posted = await waitFor('the report in the operators\' chat', () => teamChat.messages.find((m) => m.data.actionId === id));
    expect(posted.data.text).toMatch(/^Task due: Backup health\n\ncheck last night's restore test\n/);
  });

  it('sends to the team\'s REPORT_TO when the task names no one, and lists it', async () => {
    const id = idOf((await cli(['task', 'create', '2s', 'Renew the TLS certificate'])).out);
    const listed = await cli(['task', 'list', '--json']);
    expect(JSON.parse(listed.out).map((t: { id: string }) => t.id)).toContain(id);
    const mail = await waitFor('the report to lead@', () => sink.messages.find((m) => m.subject === '[followups] Renew the TLS certificate'), 15_000);
    expect(mail.envelope.to).toEqual(['lead@team.test']);
  });

  it('ends failed with the SMTP reason when the server refuses the only recipient, without retrying', async () => {
    const id = idOf((await cli(['task', 'create', '2s', 'Unreachable report', '--email', 'nobody@team.test'])).out);
    const failed = await waitFor('the task failed', async () => {
      const row = await getAction(stack.db, id);
      return row?.status === 'failed' ? row : undefined;
    }, 15_000);
    expect(failed.cancel_reason).toMatch(/550 5\.1\.1 no such user/);
    expect(failed.attempts).toBe(1);
  });

  it('cancels a task, and refuses bad input with exit 2', async () => {
    const id = idOf((await cli(['task', 'create', '1w', 'Quarterly review'])).out);
    expect((await cli(['task', 'cancel', id])).out).toMatch(/cancelled/);
    expect((await getAction(stack.db, id))!.status).toBe('cancelled');
    expect(await cli(['task', 'create', '1w'])).toMatchObject({ code: 2, err: expect.stringMatching(/missing <title>/) });
    expect(await cli(['task', 'create', '1w', 'x', '--email', 'not-an-address'])).toMatchObject({ code: 2, err: expect.stringMatching(/--email not-an-address: not an e-mail address/) });
    expect(await cli(['task', 'create', '1w', 'x', '--every', 'every other blue moon'])).toMatchObject({ code: 2, err: expect.stringMatching(/--every/) });
  });
});

describe('tasks: a transient SMTP failure is retried with back-off', () => {
  let sink: SmtpSink;
  let stack: InProcess;
  beforeAll(async () => {
    sink = await startSmtpSink({ failNext: 1 });
    stack = await startInProcess('actions_tasks_retry', { SMTP_URL: sink.url, REPORT_TO: 'lead@team.test' });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    await sink?.stop();
  });

  it('answers 451 once, then the report arrives and the task is sent on its second attempt', async () => {
    const text = { out: '', err: '' };
    const io: Io = { stdout: { write: (s: string) => (text.out += s) }, stderr: { write: (s: string) => (text.err += s) }, env: stack.env, clock: () => new Date() };
    expect(await run(['task', 'create', '2s', 'Retry me'], io)).toBe(0);
    const id = /scheduled\s+([0-9a-f-]{36})/.exec(text.out)![1]!;
    await sink.waitFor(1, 30_000);
    const row = await waitFor('sent', async () => {
      const r = await getAction(stack.db, id);
      return r?.status === 'sent' ? r : undefined;
    }, 30_000);
    expect(row.attempts).toBe(2);
    expect(row.last_error).toMatch(/451/);
  }, 45_000);
});
