import { readFileSync } from 'node:fs';
import type { Locale } from '../engine/types';
import { filterText } from '../filters/messages';
import { BuildError, type BuildOptions, buildMessage, type BuiltMessage } from '../message/build';
import { readDraft } from './files';
import type { Io } from './lint';
import { UsageError } from './args';
import { cliText } from './messages';

/** Options every command that builds a message accepts. */
export const BUILD_VALUES = ['--from', '--to', '--subject', '--dkim-key', '--dkim-selector', '--dkim-domain', '--locale'];
export const BUILD_FLAGS = ['--transactional'];

type Args = { values: Record<string, string[]>; flags: Set<string>; positional: string[] };

/** Reads the one draft and the builder options of a command line. */
export function draftAndOptions(args: Args, command: string, locale: Locale, toIsEnvelope = false): { path: string; source: string; options: BuildOptions } {
  if (args.positional.length === 0) throw new UsageError(filterText(locale, 'cli.noDraft', { command }));
  if (args.positional.length > 1) throw new UsageError(filterText(locale, 'cli.oneDraft', { count: args.positional.length }));
  const path = args.positional[0];
  const draft = readDraft(path);
  if ('reason' in draft) {
    const key = draft.reason === 'not-found' ? 'notFound' : draft.reason === 'binary' ? 'binary' : 'unreadable';
    throw new UsageError(cliText(locale, key, { file: path, reason: draft.detail ?? '' }));
  }
  const last = (name: string) => args.values[name]?.at(-1);
  const options: BuildOptions = {
    fileName: path,
    defaults: { from: last('--from'), to: toIsEnvelope ? undefined : last('--to'), subject: last('--subject') },
    mailType: args.flags.has('--transactional') ? 'transactional' : undefined,
  };
  const keyFile = last('--dkim-key');
  if (keyFile !== undefined) {
    const selector = last('--dkim-selector');
    if (!selector) throw new UsageError(filterText(locale, 'cli.dkimIncomplete'));
    let privateKey: string;
    try {
      privateKey = readFileSync(keyFile, 'utf8');
    } catch (e) {
      throw new UsageError(cliText(locale, 'unreadable', { file: keyFile, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
    options.dkim = { keySelector: selector, domainName: last('--dkim-domain') ?? '', privateKey };
  }
  return { path, source: draft.text, options };
}

/** Builds, turning a builder refusal into a one-line usage error. */
export async function buildOrExplain(source: string, options: BuildOptions, locale: Locale): Promise<BuiltMessage> {
  try {
    if (options.dkim && !options.dkim.domainName) {
      // Default DKIM domain: the sender's.
      const probe = await buildMessage(source, { ...options, dkim: undefined });
      const at = probe.from.lastIndexOf('@');
      options = { ...options, dkim: { ...options.dkim, domainName: probe.from.slice(at + 1).split('>')[0].trim() } };
    }
    return await buildMessage(source, options);
  } catch (e) {
    if (e instanceof BuildError) throw new UsageError(filterText(locale, `build.${e.code}`, { detail: e.message }));
    throw e;
  }
}

/** `mailproof build DRAFT > message.eml`. */
export async function runBuild(args: Args, io: Io & { outBytes?(b: Buffer): void }, locale: Locale): Promise<number> {
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.out(filterText(locale, 'cli.buildUsage') + '\n');
    return 0;
  }
  const { source, options } = draftAndOptions(args, 'build', locale);
  const message = await buildOrExplain(source, options, locale);
  for (const n of message.notes) io.err(`mailproof: ${filterText(locale, `note.${n.code}`, { detail: n.detail ?? '' })}\n`);
  if (io.outBytes) io.outBytes(message.raw);
  else io.out(message.raw.toString('utf8'));
  return 0;
}
