import { command, spec, type Command, type RunCommand } from '../command.js';

/*
 * The catalog of commands: how each is called and its help, and where its code is. It imports no
 * command, so `followups --help`, `followups <command> --help` and a usage error load nothing
 * else (no connection, logger or schema library); a command's module is imported when it runs.
 */

/** Each command's spec, by the name its module's `run` is typed with (`Run<'scheduleCreate'>`). */
export const specs = {
  when: spec({
    path: ['when'],
    args: '"<text>" | --batch  [--now ISO] [--tz ZONE]',
    summary: 'show the time a phrase resolves to',
    help: `Prints one JSON object: {"at": ISO UTC or null, "local": wall-clock time or null, "tz": zone}.
  --now ISO   resolve as if it were this instant (default: now), e.g. 2026-11-18T07:20:00Z
  --tz ZONE   the chat's IANA time zone (default: DEFAULT_TIME_ZONE)
  --batch     read JSON lines {"text", "now"?, "tz"?} on stdin and print one object per line, in
              order; "now" and "tz" default to --now/--tz. A line that cannot be read gives
              {"at": null, "local": null, "tz", "error": "line N: …"} and the stream goes on.
examples:
  followups when 2h --now 2026-11-18T07:20:00Z
  followups when "завтра утром" --tz Europe/Moscow
  printf '%s\\n' '{"text":"через неделю","tz":"Europe/Berlin"}' | followups when --batch`,
    options: { now: 'string', tz: 'string', batch: 'boolean' },
  }),
  scheduleCreate: spec({
    path: ['schedule', 'create'],
    args: '<chat> <when> <text…> [--tz ZONE] [--reason R] [--compose] [--any-hour]',
    summary: 'schedule a follow-up (cancelled by a client reply or a takeover)',
    help: `<when> is an ISO time with an offset (2026-12-01T10:00:00+08:00) or a phrase the bot
understands: 45s, 2h, 3d, 1w, 2026-12-01 (day-granular ones land at 10:00 in the chat's zone).
Publishes schedule.intent.<chat> and waits up to CLI_WAIT_MS for the scheduler to store it.
  --tz ZONE    read <when> in this IANA zone (default: the chat's own zone, set by the client or
               "chat tz", else DEFAULT_TIME_ZONE)
  --reason R   why, shown by "schedule list" (default: "scheduled from the CLI")
  --compose    the agent writes it at its time from the conversation then; <text…> is what goes
               if the agent does not answer in time
  --any-hour   keep <when> even outside the send window (settings sendWindow) or on a holiday;
               by default it moves to the next opening, as the agent's follow-ups do
example:
  followups schedule create 100200300 2h "Добрый день! Удалось посмотреть предложение?"`,
    options: { tz: 'string', reason: 'string', compose: 'boolean', 'any-hour': 'boolean' },
  }),
  scheduleList: spec({
    path: ['schedule', 'list'],
    args: '[--chat C] [--status S] [--limit N] [--json]',
    summary: 'list actions, newest first',
    help: `Due times are shown in the chat's zone (the one the action was scheduled in, else the chat's
own, else DEFAULT_TIME_ZONE), with how far off they are. REASON says why an action ended
(cancelled, expired, failed); it is empty for live and sent ones.
  --chat C     only this chat's actions
  --status S   only actions in this status: pending, claimed, sending, sent, cancelled, expired, failed
  --limit N    at most N rows (default 50)
  --json       a JSON array of {id, chatId, type, dueAt (ISO UTC), localDue ("YYYY-MM-DD HH:mm"),
               timeZone, status, reason, text}`,
    options: { chat: 'string', status: 'string', limit: 'string', json: 'boolean' },
  }),
  scheduleShow: spec({
    path: ['schedule', 'show'],
    args: '<id> [--json]',
    summary: "one action and its whole history: every transition, when, why and by whom",
    help: `Shows the action (chat, type, due time in its zone, status, cancel policy, who asked for it)
and every change it went through, from the append-only history: created, claimed by a scheduler,
taken by a dispatcher, sent, rescheduled, cancelled (by the client, an operator, the agent…).
  --json   one object: the action (as "schedule list --json", plus cancelOn, createdBy, createdAt,
           attempts, recurrence, series: its occurrences) and history: [{at, from, to, dueAt, reason, actor}]`,
    options: { json: 'boolean' },
  }),
  scheduleReschedule: spec({
    path: ['schedule', 'reschedule'],
    args: '<id> <when> [--tz ZONE]',
    summary: 'move a pending action to another time',
    help: `<when> as for "schedule create": an ISO time with an offset or a phrase (2h, 3d, 1w,
2026-12-01, "завтра в 15"), read in the action's zone. Only a pending action moves: once claimed,
its due event is already with the dispatchers (exit 1). Recorded in the action's history.
  --tz ZONE   read <when> in this IANA zone instead
example:
  followups schedule reschedule 0b7c…-…-… "2026-12-03 15:00"`,
    options: { tz: 'string' },
  }),
  scheduleCancel: spec({
    path: ['schedule', 'cancel'],
    args: '<id>',
    summary: 'cancel one pending action',
    help: `Publishes schedule.cancel.<chat> {actionId, reason: "cancelled_by_operator"} and waits up to
CLI_WAIT_MS for the scheduler to apply it. An action already sent or ended cannot be cancelled (exit 1);
naming any occurrence of a recurring action cancels the whole series.`,
    options: {},
  }),
  scheduleRunDue: spec({
    path: ['schedule', 'run-due'],
    args: '[--batch N] [--lease-ms MS]',
    summary: 'publish what is due now (one pass of the scheduler tick)',
    help: `Claims due actions (and claims whose lease ran out) and publishes schedule.due.<chat> for each,
exactly as the scheduler's tick does; safe to run beside running schedulers.
  --batch N       rows per claim (default: CLAIM_BATCH_SIZE, 1000)
  --lease-ms MS   re-publish claims older than this (default: CLAIM_LEASE_MS, 60000)`,
    options: { batch: 'string', 'lease-ms': 'string' },
  }),
  meetingBook: spec({
    path: ['meeting', 'book'],
    args: '<chat> <when> [--title T] [--id ID] [--remind 24h,1h] [--lang ru|en] [--tz ZONE]',
    summary: 'a meeting with the client: reminders go to them before it (a reply does not cancel them)',
    help: `Publishes meeting.booked.<chat>; the scheduler stores a reminder for each offset before the
meeting (default: settings reminders.before, 24h and 1h) that has not passed. Booking the same --id
again moves the meeting: its earlier reminders are cancelled.
  --title T        what the meeting is, named in the reminders
  --id ID          the meeting's id (default: a new one, printed); "meeting cancel" takes it
  --remind LIST    offsets before the meeting, e.g. 48h,2h,30m
  --lang ru|en     the reminders' language (default ru)
  --tz ZONE        read <when> in this zone (default: the chat's, else the team's)
example:
  followups meeting book 100200300 "2026-12-03 15:00" --title "Демонстрация виллы"`,
    options: { title: 'string', id: 'string', remind: 'string', lang: 'string', tz: 'string' },
  }),
  meetingCancel: spec({
    path: ['meeting', 'cancel'],
    args: '<chat> <meeting-id> [--reason R]',
    summary: "the meeting will not take place: its reminders are cancelled",
    help: `Publishes meeting.cancelled.<chat> and waits up to CLI_WAIT_MS for the scheduler to cancel the
meeting's pending reminders.
  --reason R   why (default: meeting_cancelled)`,
    options: { reason: 'string' },
  }),
  taskCreate: spec({
    path: ['task', 'create'],
    args: '<when> <title> [--note TEXT] [--email ADDR]… [--every RULE] [--tz ZONE]',
    summary: "schedule a check for the team: at its time the report goes to the operators' chat and by e-mail",
    help: `<when>: 7d, 1w, 2w, 2026-12-01, "2026-12-01 09:30", an ISO time or a phrase ("через неделю"),
read in the team's zone (settings timeZone) unless --tz. Day-granular ones land at the default hour.
At its time the report (title, note, when it was created and by whom) goes to the operators'
Telegram chat (settings report.telegramChat / OPERATORS_CHAT), to "followups attention", and by
e-mail (report.smtpUrl / SMTP_URL) to the --email addresses, else report.to / REPORT_TO.
  --note TEXT     what to look at, in the report
  --email ADDR    who gets the report by e-mail; repeat for several
  --every RULE    repeat it: "every Monday 10:00", "weekly", "каждый понедельник в 10", "ежемесячно 1-го",
                  or a cron pattern ("0 9 * * 1-5"); the first time is <when>
  --tz ZONE       read <when> and --every in this IANA zone
example:
  followups task create 7d "Backup health" --note "check last night's restore test" --email ops@example.com`,
    options: { note: 'string', email: 'strings', every: 'string', tz: 'string' },
  }),
  taskList: spec({
    path: ['task', 'list'],
    args: '[--all] [--limit N] [--json]',
    summary: "the team's tasks: pending ones, soonest first (--all: every one, newest first)",
    help: `Times in the team's zone (settings timeZone) or the zone the task was scheduled in.
  --all       also tasks that ran, failed or were cancelled
  --limit N   at most N rows (default 50)
  --json      [{id, title, note, emails, dueAt, status, reason, repeats}]`,
    options: { all: 'boolean', limit: 'string', json: 'boolean' },
  }),
  taskCancel: spec({
    path: ['task', 'cancel'],
    args: '<id>',
    summary: 'cancel a task (a recurring one: the whole series)',
    help: `As "schedule cancel": publishes schedule.cancel and waits up to CLI_WAIT_MS for the scheduler.`,
    options: {},
  }),
  takeover: spec({
    path: ['takeover'],
    args: '<chat> [--operator NAME] [--reason R]',
    summary: 'a human takes the chat over: follow-ups stop, the bot is silent',
    help: `Publishes ops.takeover.<chat>, stored by the OPS stream (it lasts until a release).
  --operator NAME   who took it over
  --reason R        why, for the record`,
    options: { operator: 'string', reason: 'string' },
  }),
  release: spec({
    path: ['release'],
    args: '<chat> [--operator NAME]',
    summary: 'hand the chat back to the bot',
    help: `Publishes ops.release.<chat>, stored by the OPS stream.
  --operator NAME   who released it`,
    options: { operator: 'string' },
  }),
  takeovers: spec({
    path: ['takeovers'],
    args: '[--json]',
    summary: 'which chats humans hold now, by whom and since when',
    help: `Reads the OPS stream: every chat whose last takeover is newer than its last release.
Times in the team's zone (DEFAULT_TIME_ZONE).
  --json   [{chatId, operator, since}]`,
    options: { json: 'boolean' },
  }),
  attention: spec({
    path: ['attention'],
    args: '[--since 24h] [--chat C] [--json]',
    summary: 'the open hand-offs: chats waiting for a human',
    help: `Reads ops.attention.<chat> from the ATTENTION stream. An item is open until a later
ops.attended.<chat> ("followups attention done <chat>") or a later takeover of the chat (an
operator taking it over or typing in it).
  --since S   how far back: 30m, 1h, 2d, 1w or an ISO time (default 24h)
  --chat C    only this chat
  --json      a JSON array: each item's fields as published, plus "open": true and "streamSeq"
Times are shown in each chat's own zone (DEFAULT_TIME_ZONE for chats without one).`,
    options: { since: 'string', chat: 'string', json: 'boolean' },
  }),
  attentionDone: spec({
    path: ['attention', 'done'],
    args: '<chat> [--operator NAME]',
    summary: 'mark a chat\'s open hand-offs as dealt with',
    help: `Publishes ops.attended.<chat> (stored in ATTENTION): every attention item of the chat stored
before it is closed. Prints how many were open. Items that arrive afterwards open again.
  --operator NAME   who dealt with them, for the record`,
    options: { operator: 'string' },
  }),
  chatShow: spec({
    path: ['chat', 'show'],
    args: '<chat> [--json]',
    summary: 'a chat\'s zone, opt-out, takeover, open hand-offs and live actions',
    help: `Shows what the services know about one chat: its time zone (its own or the team's), whether
it is marked do-not-contact, whether a human holds it, its open attention items (the whole
ATTENTION stream) and its pending or claimed actions, due times in the chat's zone.
  --json   one object: chatId, timeZone, teamDefault, timeZoneSource, localNow, optedOut,
           underHuman, openAttention (as "attention --json"), actions (as "schedule list --json")`,
    options: { json: 'boolean' },
  }),
  chatTz: spec({
    path: ['chat', 'tz'],
    args: '<chat> <zone>',
    summary: 'set the client\'s time zone (or "default": back to the team\'s)',
    help: `<zone> is an IANA name (Europe/Moscow), a city or a country with one zone (Москва, Berlin,
Казахстан), an offset (UTC+3, МСК+2), or "default" to follow DEFAULT_TIME_ZONE again.
The agent reads the client's phrases in this zone from the next message on; actions already
scheduled keep their time. Set by an operator, it is recorded with source "operator".
examples:
  followups chat tz 100200300 Europe/Berlin
  followups chat tz 100200300 Алматы
  followups chat tz 100200300 default`,
    options: {},
  }),
  optoutList: spec({
    path: ['optout', 'list'],
    args: '[--json]',
    summary: 'the chats marked do-not-contact',
    help: `Lists the chats the bot must not write to, most recent first: when and by whom (the client,
or an operator) the mark was set. "followups optout clear <chat>" lifts one.
  --json   a JSON array of {chatId, optedOutAt, by, messageId}`,
    options: { json: 'boolean' },
  }),
  optoutClear: spec({
    path: ['optout', 'clear'],
    args: '<chat>',
    summary: 'lift a chat\'s do-not-contact mark: the bot may write to it again',
    help: `Clears the opt-out the client asked for (or an operator set). The dispatcher reads the mark
before every bot message, so this takes effect at once; actions cancelled by the opt-out stay
cancelled. Says whether there was a mark (no mark: exit 0, nothing changes).`,
    options: {},
  }),
  telegramLogin: spec({
    path: ['telegram', 'login'],
    args: '',
    summary: 'log the sales account in (phone, code, 2FA password) and print its session string',
    help: `Walks you through Telegram's login for the sales manager's own account (a user account,
not a bot): the phone number, the code Telegram sends to the Telegram app (or by SMS), and the
two-step verification password if the account has one. A wrong number, code or password is
asked again. Questions go to stderr; the session string alone goes to stdout, so
  followups telegram login > session.txt
keeps it out of the terminal's scroll-back. Store it as the secret TELEGRAM_SESSION: it is the
account's key (anyone holding it can read and write as the manager). Never commit it.
Needs TELEGRAM_API_ID and TELEGRAM_API_HASH (my.telegram.org → API development tools).`,
    options: {},
  }),
  telegramWhoami: spec({
    path: ['telegram', 'whoami'],
    args: '[--json]',
    summary: 'check a session string: which account it logs in, or why it no longer does',
    help: `Connects with TELEGRAM_SESSION (as the gateway would) and says which account it is, or that
the session is no longer valid (revoked from the phone's "Active sessions", logged out, or used
from two places at once) and a new "followups telegram login" is needed. Exit 1 when invalid.
Do not run it while the stack's gateway holds the session: one session, one connection.
  --json   {"valid":true,"user":{"id","name","username","phone"}} or {"valid":false,"reason"}`,
    options: { json: 'boolean' },
  }),
  telegramStatus: spec({
    path: ['telegram', 'status'],
    args: '[--json]',
    summary: "the account's session as its gateway last reported it (connected, revoked…)",
    help: `Reads what the gateway holding TELEGRAM_ACCOUNT's session last reported: connecting,
connected, reconnecting, revoked (log in again), or stopped, with which gateway holds it and as
which Telegram user. Exit 1 when revoked or never reported.
  --json   the last status record as stored, or null`,
    options: { json: 'boolean' },
  }),
};

/** The type of `run` in the module of `specs[K]`: its options as that spec declares them. */
export type Run<K extends keyof typeof specs> = RunCommand<(typeof specs)[K]['options']>;

/** Every command, in the order `--help` lists them. */
export const commands: Command[] = [
  command(specs.when, () => import('./when.js')),
  command(specs.scheduleCreate, () => import('./schedule-create.js')),
  command(specs.scheduleList, () => import('./schedule-list.js')),
  command(specs.scheduleShow, () => import('./schedule-show.js')),
  command(specs.scheduleReschedule, () => import('./schedule-reschedule.js')),
  command(specs.scheduleCancel, () => import('./schedule-cancel.js')),
  command(specs.scheduleRunDue, () => import('./schedule-run-due.js')),
  command(specs.meetingBook, () => import('./meeting-book.js')),
  command(specs.meetingCancel, () => import('./meeting-cancel.js')),
  command(specs.taskCreate, () => import('./task-create.js')),
  command(specs.taskList, () => import('./task-list.js')),
  command(specs.taskCancel, () => import('./task-cancel.js')),
  command(specs.takeover, () => import('./takeover.js')),
  command(specs.release, () => import('./release.js')),
  command(specs.takeovers, () => import('./takeovers.js')),
  command(specs.attention, () => import('./attention.js')),
  command(specs.attentionDone, () => import('./attention-done.js')),
  // `status <chat>`: the operators' everyday name for `chat show`.
  command({ ...specs.chatShow, path: ['status'], summary: 'same as "chat show": zone, takeover holder and since when, opt-out, pending actions, open attention' }, () => import('./chat-show.js')),
  command(specs.chatShow, () => import('./chat-show.js')),
  command(specs.chatTz, () => import('./chat-tz.js')),
  command(specs.optoutList, () => import('./optout-list.js')),
  command(specs.optoutClear, () => import('./optout-clear.js')),
  command(specs.telegramLogin, () => import('./telegram-login.js')),
  command(specs.telegramWhoami, () => import('./telegram-whoami.js')),
  command(specs.telegramStatus, () => import('./telegram-status.js')),
];
