import type { Locale } from '../engine/types';
import { filterText } from '../filters/messages';
import { MAX_TEST_RECIPIENTS, type SendSecurity, SendError, sendMessage } from '../message/send';
import { addressesOf } from '../message/build';
import { BUILD_FLAGS, BUILD_VALUES, buildOrExplain, draftAndOptions } from './build';
import type { Io } from './lint';
import { parseArgs, UsageError } from './args';
import { cliText } from './messages';

const SECURITIES: SendSecurity[] = ['ssl', 'starttls', 'none'];
// RFC 8314 §3.3: 465 is implicit TLS; RFC 6409 §3.1: 587 is submission (STARTTLS); 25 is relay.
const DEFAULT_PORT: Record<SendSecurity, number> = { ssl: 465, starttls: 587, none: 25 };
const SECURITY_BY_PORT: Record<number, SendSecurity> = { 465: 'ssl', 587: 'starttls', 25: 'none' };
// A password is a line; anything longer on stdin is not one.
const MAX_PASSWORD_CHARS = 1024;
const EMAIL_RE = /^[^\s@<>(),;:"]{1,64}@[A-Za-z0-9.-]{1,253}$/;

export interface SendIo extends Io {
  /** Standard input, read only with --password-stdin. */
  readStdin?(): Promise<string>;
}

/** `mailproof send --to ADDR DRAFT --smtp HOST[:PORT]`: a test send through the user's server. */
export async function runSend(argv: string[], io: SendIo, locale: Locale, env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseArgs(argv, { values: [...BUILD_VALUES, '--smtp', '--smtp-security', '--user', '--timeout'], flags: [...BUILD_FLAGS, '--password-stdin', '--help', '-h'] }, locale);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.out(filterText(locale, 'cli.sendUsage') + '\n');
    return 0;
  }
  const last = (name: string) => args.values[name]?.at(-1);
  const to = (args.values['--to'] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (!to.length) throw new UsageError(filterText(locale, 'cli.noRecipient'));
  for (const t of to) if (!EMAIL_RE.test(t)) throw new UsageError(filterText(locale, 'cli.badRecipient', { value: t }));
  if (to.length > MAX_TEST_RECIPIENTS) throw new UsageError(filterText(locale, 'cli.tooManyRecipients', { max: MAX_TEST_RECIPIENTS }));
  const spec = last('--smtp');
  if (!spec) throw new UsageError(filterText(locale, 'cli.noSmtp'));
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s/]+))(?::(\d{1,5}))?$/.exec(spec.trim());
  const portArg = m?.[3] === undefined ? undefined : Number(m[3]);
  if (!m || (portArg !== undefined && (portArg < 1 || portArg > 65535))) throw new UsageError(cliText(locale, 'checkBadSmtp', { value: spec }));
  const secArg = last('--smtp-security');
  if (secArg !== undefined && !SECURITIES.includes(secArg as SendSecurity)) throw new UsageError(cliText(locale, 'checkBadSmtpSecurity', { value: secArg }));
  const security = (secArg as SendSecurity | undefined) ?? (portArg !== undefined ? (SECURITY_BY_PORT[portArg] ?? 'starttls') : 'starttls');
  const host = m[1] ?? m[2];
  const port = portArg ?? DEFAULT_PORT[security];
  const timeout = last('--timeout');
  if (timeout !== undefined && !/^[1-9]\d{0,6}$/.test(timeout)) throw new UsageError(cliText(locale, 'checkBadTimeout', { value: timeout }));
  const user = last('--user');
  let pass = env.MAILPROOF_SMTP_PASSWORD;
  if (args.flags.has('--password-stdin')) {
    const input = (await io.readStdin?.()) ?? '';
    pass = input.replace(/\r?\n$/, '').slice(0, MAX_PASSWORD_CHARS);
  }
  if (user && !pass) throw new UsageError(filterText(locale, 'cli.userWithoutPassword'));

  // The To header stays the draft's (the exact message); --to sets only where it goes, and the
  // header when the draft names nobody.
  const { source, options } = draftAndOptions(args, 'send', locale, true);
  options.defaults = { ...options.defaults, to: to.join(', ') };
  const message = await buildOrExplain(source, options, locale);
  for (const n of message.notes) io.err(`mailproof: ${filterText(locale, `note.${n.code}`, { detail: n.detail ?? '' })}\n`);
  const where = `${host}:${port}`;
  try {
    const result = await sendMessage(message.raw, {
      host,
      port,
      security,
      user,
      pass: user ? pass : undefined,
      from: addressesOf(message.from)[0] ?? message.from,
      to,
      timeoutMs: timeout === undefined ? undefined : Number(timeout),
    });
    io.out(`${filterText(locale, 'send.ok', { to: result.accepted.join(', '), response: result.response })}\n`);
    if (result.queueId) io.out(`${filterText(locale, 'send.queueId', { id: result.queueId })}\n`);
    if (result.rejected.length) {
      io.out(`${filterText(locale, 'send.rejectedSome', { to: result.rejected.join(', ') })}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    if (!(e instanceof SendError)) throw e;
    io.err(`mailproof: ${filterText(locale, `send.${e.code}`, { where, detail: e.response ?? e.message })}\n`);
    return 1;
  }
}
