import type { Locale } from '../engine/types';
import type { ReportFormat, SmtpSecurity, SmtpTarget } from '../deliverability/index';
import type { Io } from './lint';
import { parseArgs, UsageError } from './args';
import { cliText } from './messages';

const FORMATS: ReportFormat[] = ['text', 'json', 'markdown'];
const SECURITIES: SmtpSecurity[] = ['ssl', 'starttls', 'none'];
// RFC 8314 §3.3: 465 is implicit TLS; RFC 6409 §3.1: 587 is submission (STARTTLS); 25 is relay.
const DEFAULT_PORT: Record<SmtpSecurity, number> = { ssl: 465, starttls: 587, none: 25 };
const SECURITY_BY_PORT: Record<number, SmtpSecurity> = { 465: 'ssl', 587: 'starttls', 25: 'none' };

/** Reads `--smtp HOST[:PORT]` and `--smtp-security`; a bare IPv6 host goes in brackets. */
function smtpTarget(spec: string, security: string | undefined, locale: Locale): SmtpTarget {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s/]+))(?::(\d{1,5}))?$/.exec(spec.trim());
  const port = m?.[3] === undefined ? undefined : Number(m[3]);
  if (!m || (port !== undefined && (port < 1 || port > 65535))) throw new UsageError(cliText(locale, 'checkBadSmtp', { value: spec }));
  if (security !== undefined && !SECURITIES.includes(security as SmtpSecurity)) throw new UsageError(cliText(locale, 'checkBadSmtpSecurity', { value: security }));
  const sec = (security as SmtpSecurity | undefined) ?? (port !== undefined ? (SECURITY_BY_PORT[port] ?? 'starttls') : 'starttls');
  return { host: m[1] ?? m[2], port: port ?? DEFAULT_PORT[sec], security: sec };
}

const list = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** `mailproof check`: the sender-domain checks; exit 0 when nothing failed, 1 otherwise, 2 for bad usage. */
export async function runCheck(argv: string[], io: Io, locale: Locale): Promise<number> {
  const args = parseArgs(
    argv,
    {
      values: ['--ip', '--selector', '--smtp', '--smtp-security', '--dns', '--ip-blocklists', '--domain-blocklists', '--timeout', '--format', '--locale'],
      flags: ['--help', '-h'],
    },
    locale,
  );
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.out(cliText(locale, 'checkUsage') + '\n');
    return 0;
  }
  const last = (name: string) => args.values[name]?.at(-1);
  const format = (last('--format') ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(cliText(locale, 'badFormat', { value: format, allowed: FORMATS.join(', ') }));
  if (args.positional.length === 0) throw new UsageError(cliText(locale, 'checkNoTarget'));
  if (args.positional.length > 1) throw new UsageError(cliText(locale, 'checkTooManyTargets', { count: args.positional.length }));
  const smtpSpec = last('--smtp');
  const security = last('--smtp-security');
  if (security !== undefined && smtpSpec === undefined) throw new UsageError(cliText(locale, 'checkSecurityWithoutSmtp'));
  const timeout = last('--timeout');
  if (timeout !== undefined && !/^[1-9]\d{0,6}$/.test(timeout)) throw new UsageError(cliText(locale, 'checkBadTimeout', { value: timeout }));

  // The engine is its own bundle (dist/deliverability.js), loaded only for this command.
  const engine = await import('../deliverability/index');
  let report;
  try {
    report = await engine.runChecks({
      target: args.positional[0],
      ips: list(args.values['--ip']),
      selectors: list(args.values['--selector']),
      smtp: smtpSpec === undefined ? undefined : smtpTarget(smtpSpec, security, locale),
      dns: args.values['--dns'] ?? [],
      ipBlocklists: list(args.values['--ip-blocklists']),
      domainBlocklists: list(args.values['--domain-blocklists']),
      timeoutMs: timeout === undefined ? undefined : Number(timeout),
      locale,
    });
  } catch (e) {
    if (e instanceof engine.DeliverabilityInputError) throw new UsageError(e.message);
    throw e;
  }
  io.out(engine.formatReport(report, format, locale));
  return report.checks.some((c) => c.status === 'fail' || c.status === 'error') ? 1 : 0;
}
