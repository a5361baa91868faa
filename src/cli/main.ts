import { toLocale } from '../engine/i18n';
import type { FixType } from '../engine/fix';
import type { Locale, Severity } from '../engine/types';
import { FORMATTERS, type Io, runLint } from './lint';
import { parseArgs, UsageError } from './args';
import { cliText } from './messages';

export { parseArgs, UsageError };

function envLocale(env: NodeJS.ProcessEnv): Locale {
  return toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** Runs the CLI with arguments (without `node` and the script); returns the exit code. */
export async function main(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // The locale option applies to usage errors too, so read it first.
  const localeArg = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const rawLocale = localeArg < 0 ? undefined : argv[localeArg].includes('=') ? argv[localeArg].split('=')[1] : argv[localeArg + 1];
  let locale: Locale = rawLocale === 'fr' || rawLocale === 'en' ? rawLocale : envLocale(env);
  try {
    if (rawLocale !== undefined && rawLocale !== 'fr' && rawLocale !== 'en') throw new UsageError(cliText(locale, 'badLocale', { value: rawLocale }));
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(cliText(locale, 'usage') + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${typeof MAILPROOF_VERSION === 'string' ? MAILPROOF_VERSION : '0.0.0'}\n`);
      return 0;
    }
    if (command === 'lint') {
      const args = parseArgs(
        rest,
        { values: ['--format', '--config', '--locale', '--fix-type', '--min-severity', '--max-warnings', '--fail-on-score', '--max-file-size'], flags: ['--fix', '--fix-dry-run', '--quiet', '--help', '-h'] },
        locale,
      );
      if (args.flags.has('--help') || args.flags.has('-h')) {
        io.out(cliText(locale, 'usage') + '\n');
        return 0;
      }
      const format = args.values['--format']?.at(-1) ?? 'text';
      if (!FORMATTERS[format]) throw new UsageError(cliText(locale, 'badFormat', { value: format, allowed: Object.keys(FORMATTERS).join(', ') }));
      if (args.positional.length === 0) throw new UsageError(cliText(locale, 'noFiles'));
      const last = (name: string) => args.values[name]?.at(-1);
      const fixTypes = new Set<FixType>();
      for (const v of (args.values['--fix-type'] ?? []).flatMap((x) => x.split(','))) {
        const type = v.trim();
        if (type !== 'fix' && type !== 'suggestion') throw new UsageError(cliText(locale, 'badFixType', { value: v }));
        fixTypes.add(type);
      }
      const fix = args.flags.has('--fix');
      const fixDryRun = args.flags.has('--fix-dry-run');
      if (fixTypes.size && !fix && !fixDryRun) throw new UsageError(cliText(locale, 'fixTypeAlone'));
      const minSeverity = last('--min-severity');
      if (minSeverity !== undefined && !['info', 'warning', 'error'].includes(minSeverity)) throw new UsageError(cliText(locale, 'badSeverity', { value: minSeverity }));
      const maxWarnings = last('--max-warnings');
      if (maxWarnings !== undefined && !/^\d{1,9}$/.test(maxWarnings)) throw new UsageError(cliText(locale, 'badMaxWarnings', { value: maxWarnings }));
      const maxKb = last('--max-file-size');
      if (maxKb !== undefined && !/^[1-9]\d{0,8}$/.test(maxKb)) throw new UsageError(cliText(locale, 'badMaxFileSize', { value: maxKb }));
      const failArg = last('--fail-on-score');
      let failOnScore: number | 'likelySpam' | undefined;
      if (failArg !== undefined) {
        failOnScore = failArg === 'likelySpam' ? 'likelySpam' : /^\d{1,2}(\.\d{1,3})?$/.test(failArg) && Number(failArg) <= 10 ? Number(failArg) : undefined;
        if (failOnScore === undefined) throw new UsageError(cliText(locale, 'badFailOnScore', { value: failArg }));
      }
      return await runLint(
        {
          files: args.positional,
          format,
          config: last('--config'),
          locale,
          fix,
          fixDryRun,
          fixTypes: fixTypes.size ? fixTypes : undefined,
          quiet: args.flags.has('--quiet'),
          minSeverity: minSeverity as Severity | undefined,
          maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
          maxFileBytes: maxKb === undefined ? undefined : Number(maxKb) * 1024,
          failOnScore,
        },
        io,
      );
    }
    if (command === 'list') {
      const { runList } = await import('./list');
      return await runList(rest, io, locale);
    }
    if (command === 'check') {
      const { runCheck } = await import('./check');
      return await runCheck(rest, io, locale);
    }
    if (command === 'build' || command === 'score' || command === 'send') {
      const { runFiltersCommand } = await import('./filters');
      return await runFiltersCommand(command, rest, io, locale, env);
    }
    throw new UsageError(cliText(locale, 'unknownCommand', { name: command }));
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`mailproof: ${e.message}\n`);
      return 2;
    }
    io.err(`mailproof: ${cliText(locale, 'crashed', { reason: (e as Error)?.message ?? String(e) })}\n`);
    if (env.MAILPROOF_DEBUG) io.err(`${(e as Error)?.stack}\n`);
    return 2;
  }
}

declare const MAILPROOF_VERSION: string | undefined;

if (require.main === module) {
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
