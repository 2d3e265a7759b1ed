import { opsAttendedSchema, subjects, type OpsAttended } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { readOpenAttention } from '../attention/open-attention.js';
import { UsageError, exitCodes } from '../errors.js';
import { clip } from '../output.js';
import { parseChatId } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'attentionDone'> = async ({ positionals, options }, ctx) => {
  const chatId = parseChatId(positionals[0]);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const body: OpsAttended = options.operator ? { operator: options.operator } : {};
  const checked = opsAttendedSchema.safeParse(body);
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));

  const nats = await ctx.nats(['attention']);
  // Read before publishing: an item stored between the read and the publish is closed too but
  // not counted, which errs on the side of telling the operator less than was cleared.
  const { open } = await readOpenAttention(nats, { chatId });
  const ack = await publishJson(nats.js, subjects.opsAttended(chatId), checked.data);
  const by = body.operator ? ` by ${body.operator}` : '';
  if (open.length === 0) {
    ctx.print(`chat ${chatId} had no open attention items; marked attended${by} anyway (stored in ${ack.stream} as #${ack.seq})`);
    return exitCodes.ok;
  }
  ctx.print(`chat ${chatId}: ${open.length} open attention item${open.length === 1 ? '' : 's'} marked attended${by} (stored in ${ack.stream} as #${ack.seq})`);
  for (const item of open) ctx.print(`  ${item.payload.reason}: ${clip(item.payload.text, 60)}`);
  return exitCodes.ok;
};
