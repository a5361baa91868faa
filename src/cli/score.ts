import { lint } from '../engine/lint';
import { LineIndex } from '../engine/position';
import type { Locale } from '../engine/types';
import { buildModel } from '../engine/parse/index';
import { detectKind } from '../engine/lint';
import { filterText } from '../filters/messages';
import { fmt, type FilterOutcome, type FilterTarget, runFilter, verdictLine } from '../filters/run';
import { BUILD_FLAGS, BUILD_VALUES, buildOrExplain, draftAndOptions } from './build';
import type { Io } from './lint';
import { parseArgs, UsageError } from './args';
import { cliText } from './messages';

/** `mailproof score DRAFT`: the built message scored by local SpamAssassin and/or Rspamd. */
export async function runScore(argv: string[], io: Io, locale: Locale): Promise<number> {
  const args = parseArgs(argv, { values: [...BUILD_VALUES, '--spamd', '--rspamd', '--timeout', '--format'], flags: [...BUILD_FLAGS, '--no-spamassassin', '--help', '-h'] }, locale);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.out(filterText(locale, 'cli.scoreUsage') + '\n');
    return 0;
  }
  const last = (name: string) => args.values[name]?.at(-1);
  const format = last('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(cliText(locale, 'badFormat', { value: format, allowed: 'text, json' }));
  const timeout = last('--timeout');
  if (timeout !== undefined && !/^[1-9]\d{0,6}$/.test(timeout)) throw new UsageError(cliText(locale, 'checkBadTimeout', { value: timeout }));
  const target: FilterTarget = { timeoutMs: timeout === undefined ? undefined : Number(timeout) };
  if (!args.flags.has('--no-spamassassin')) {
    const spec = last('--spamd') ?? 'localhost:783';
    const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s/]+))(?::(\d{1,5}))?$/.exec(spec.trim());
    const port = m?.[3] === undefined ? 783 : Number(m[3]);
    if (!m || port < 1 || port > 65535) throw new UsageError(cliText(locale, 'checkBadSmtp', { value: spec }));
    target.spamassassin = { host: m[1] ?? m[2], port };
  }
  const rspamd = last('--rspamd');
  if (rspamd !== undefined) target.rspamd = { url: rspamd === 'default' ? 'http://localhost:11333' : rspamd };
  const { path, source, options } = draftAndOptions(args, 'score', locale);
  const message = await buildOrExplain(source, options, locale);
  const model = buildModel(source, detectKind(path, source));
  const filters = (['spamassassin', 'rspamd'] as const).filter((f) => target[f]);
  const outcomes: FilterOutcome[] = await Promise.all(filters.map((f) => runFilter(f, message.raw, model, target, locale, { from: message.from, rcpt: message.draftRecipients })));
  const mailproof = lint(source, { fileName: path, locale }).score;
  const lines = new LineIndex(source);
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          version: 1,
          file: path,
          mailproofScore: mailproof,
          filters: outcomes.map((o) =>
            o.ok
              ? { filter: o.filter, score: o.result.score, threshold: o.result.threshold, isSpam: o.result.isSpam, action: o.result.action, hits: o.result.hits.map((h) => ({ name: h.name, score: h.score, description: h.description, ...(h.range ? { line: lines.positionAt(h.range.start).line + 1, column: lines.positionAt(h.range.start).character + 1 } : {}) })) }
              : { filter: o.filter, error: o.code, message: o.message, help: o.help },
          ),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const o of outcomes) {
      if (!o.ok) {
        io.out(`${o.message}\n${o.help ? `  ${o.help}\n` : ''}`);
        continue;
      }
      io.out(`${verdictLine(o, locale)}\n`);
      if (!o.result.hits.length) io.out(`  ${filterText(locale, 'result.noHits')}\n`);
      for (const h of o.result.hits) {
        const where = h.range ? (() => { const p = lines.positionAt(h.range.start); return `${path}:${p.line + 1}:${p.character + 1}`; })() : filterText(locale, 'result.unlocated');
        io.out(`  ${fmt(h.score).padStart(5)}  ${h.name.padEnd(24)} ${h.description}  (${where})\n`);
      }
      io.out(`  ${o.note}\n`);
    }
    io.out(`${filterText(locale, 'result.mailproofScore', { score: fmt(mailproof) })}\n`);
  }
  if (!outcomes.some((o) => o.ok)) {
    io.err(`mailproof: ${filterText(locale, 'cli.noFilter')}\n`);
    return 2;
  }
  return outcomes.some((o) => o.ok && o.result.isSpam) ? 1 : 0;
}
