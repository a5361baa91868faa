// `mailproof list FILE...`: recipient-list checks on the command line. Files are streamed (a
// million rows in bounded memory): one pass to gather domains when DNS is on, then the DNS
// lookups, then one pass per output (JSON puts the summary before the rows, so it reads twice).
// The checks come from dist/lists.js, loaded only by this command.
import { readFileSync } from 'node:fs';
import type { Locale } from '../engine/types';
import {
  analyzeFile,
  AtomicExport,
  checkDiscipline,
  type CsvRecord,
  type DisciplineReport,
  disciplineJson,
  DnsServerError,
  type DomainMail,
  type FileStamp,
  jsonHead,
  type ListAnalyzer,
  ListInputError,
  listResolver,
  type ListSummary,
  listText,
  lookupDomains,
  percent,
  readHistory,
  rowJson,
  sameFile,
  stampOf,
  type Status,
  STATUSES,
  textDiscipline,
  textRow,
  textSummary,
} from '../lists/index';
import type { Io } from './lint';
import { parseArgs, UsageError } from './args';

const FORMATS = ['text', 'json'];
const DEFAULT_KEEP: Status[] = ['valid', 'unknown'];
// A history file is a few hundred lines; anything bigger than this is not one.
const MAX_HISTORY_BYTES = 10 * 1024 * 1024;
const OUTPUT_BLOCK_CHARS = 64 * 1024;

interface Plan {
  files: string[];
  format: 'text' | 'json';
  column?: string;
  dns: boolean;
  servers: string[];
  clean?: string;
  suppressed?: string;
  keep: Set<Status>;
  history?: string;
  maxGrowth?: number;
  locale: Locale;
}

function readPlan(argv: string[], locale: Locale, io: Io): Plan | undefined {
  const args = parseArgs(
    argv,
    { values: ['--format', '--column', '--dns', '--write-clean', '--write-suppressed', '--keep', '--history', '--max-growth', '--locale'], flags: ['--no-dns', '--help', '-h'] },
    locale,
  );
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.out(listText(locale, 'cli.usage') + '\n');
    return undefined;
  }
  const last = (name: string) => args.values[name]?.at(-1);
  const format = last('--format') ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(listText(locale, 'cli.badFormat', { value: format, allowed: FORMATS.join(', ') }));
  // A history alone is checked on its own (no planned send to compare with).
  if (args.positional.length === 0 && args.values['--history'] === undefined) throw new UsageError(listText(locale, 'cli.noFiles'));
  const servers = args.values['--dns'] ?? [];
  if (args.flags.has('--no-dns') && servers.length) throw new UsageError(listText(locale, 'cli.dnsConflict'));
  let keep = new Set<Status>(DEFAULT_KEEP);
  const keepArg = last('--keep');
  if (keepArg !== undefined) {
    const parts = keepArg.split(',').map((s) => s.trim());
    if (!parts.every((p) => (STATUSES as readonly string[]).includes(p))) throw new UsageError(listText(locale, 'cli.badKeep', { value: keepArg }));
    keep = new Set(parts as Status[]);
  }
  const growthArg = last('--max-growth');
  let maxGrowth: number | undefined;
  if (growthArg !== undefined) {
    maxGrowth = Number(growthArg.replace(',', '.'));
    if (!/^\d+([.,]\d+)?$/.test(growthArg) || !(maxGrowth > 1) || maxGrowth > 1000) throw new UsageError(listText(locale, 'cli.badGrowth', { value: growthArg }));
  }
  const clean = last('--write-clean');
  const suppressed = last('--write-suppressed');
  if ((clean || suppressed) && args.positional.length > 1) throw new UsageError(listText(locale, 'cli.exportsNeedOneFile', { count: args.positional.length }));
  if (clean && suppressed && sameFile(clean, suppressed)) throw new UsageError(listText(locale, 'cli.sameExports'));
  for (const out of [clean, suppressed]) {
    // Never overwrite the list being read, by whatever name (symlink, hard link, ./, absolute path).
    if (out && args.positional.some((f) => sameFile(f, out))) throw new UsageError(listText(locale, 'cli.exportIsInput', { file: out }));
  }
  return { files: args.positional, format: format as Plan['format'], column: last('--column'), dns: !args.flags.has('--no-dns'), servers, clean, suppressed, keep, history: last('--history'), maxGrowth, locale };
}

/** `mailproof list`: exit 0 when nothing is to be removed and no limit is crossed, 1 otherwise, 2 for bad usage. */
export async function runList(argv: string[], io: Io, locale: Locale): Promise<number> {
  const plan = readPlan(argv, locale, io);
  if (!plan) return 0;
  const pct = (r: number) => percent(r, locale);

  // Read the history first: a bad history file is a usage problem, reported before any work.
  let sends: ReturnType<typeof readHistory> | undefined;
  if (plan.history) {
    try {
      const stamp = stampOf(plan.history, plan.history);
      if (stamp.size > MAX_HISTORY_BYTES) throw new ListInputError('input.unreadable', { file: plan.history, reason: 'larger than 10 MB' });
      sends = readHistory(readFileSync(plan.history, 'utf8'), plan.history);
    } catch (e) {
      if (e instanceof ListInputError) throw new UsageError(listText(locale, e.key, e.params));
      throw e;
    }
  }

  const resolver = plan.dns ? await listResolver(plan.servers).catch((e) => {
    if (e instanceof DnsServerError) throw new UsageError(listText(locale, 'cli.badDns', { value: e.value }));
    throw e;
  }) : undefined;

  // A million rows are a million small strings: hand them to stdout in blocks.
  let pending = '';
  const out = (text: string) => {
    pending += text;
    if (pending.length >= OUTPUT_BLOCK_CHARS) flush();
  };
  const flush = () => {
    if (pending) io.out(pending);
    pending = '';
  };
  let failed = false;
  let unreadable = false;
  let kept = 0;
  for (const file of plan.files) {
    try {
      const stamp: FileStamp = stampOf(file, file);
      let dns: Map<string, DomainMail> | undefined;
      if (resolver) {
        const { analyzer } = await analyzeFile(file, { file, column: plan.column, collectDomains: true }, stamp);
        dns = await lookupDomains(analyzer.domains, resolver);
      }
      const exports = openExports(plan, locale);
      try {
        let summary: ListSummary;
        let last: ListAnalyzer;
        const options = { file, column: plan.column, dns };
        if (plan.format === 'json') {
          summary = (await analyzeFile(file, options, stamp)).summary;
          const discipline = sends ? disciplineOf(sends, plan, countKept(summary, plan.keep), pct) : undefined;
          io.out(jsonHead(file, summary, locale, discipline));
          let first = true;
          last = (
            await analyzeFile(
              file,
              {
                ...options,
                onRow: (row, record, analyzer) => {
                  out(`${first ? '\n' : ',\n'}    ${rowJson(row, locale)}`);
                  first = false;
                  exports.row(row.status, record, analyzer);
                },
              },
              stamp,
            )
          ).analyzer;
          out(`${first ? '' : '\n  '}]\n}\n`);
          flush();
        } else {
          const run = await analyzeFile(
            file,
            {
              ...options,
              onRow: (row, record, analyzer) => {
                if (row.status !== 'valid') out(textRow(file, row, locale));
                exports.row(row.status, record, analyzer);
              },
            },
            stamp,
          );
          last = run.analyzer;
          summary = run.summary;
          flush();
        }
        const written = exports.commit(last);
        if (plan.format === 'text') io.out(textSummary(file, summary, locale, written));
        kept += countKept(summary, plan.keep);
        if (summary.statuses.invalid || summary.statuses.duplicate) failed = true;
      } catch (e) {
        flush();
        exports.abort();
        throw e;
      }
    } catch (e) {
      if (!(e instanceof ListInputError)) throw e;
      io.err(`mailproof: ${listText(locale, e.key, e.params)}\n`);
      unreadable = true;
    }
  }
  if (sends) {
    const discipline = disciplineOf(sends, plan, plan.files.length ? kept : undefined, pct);
    if (plan.format === 'text') io.out(textDiscipline(discipline, locale));
    else if (plan.files.length === 0) io.out(`${JSON.stringify({ version: 1, discipline: disciplineJson(discipline, locale) }, null, 2)}\n`);
    if (discipline.findings.length) failed = true;
  }
  if (unreadable) return 2;
  return failed ? 1 : 0;
}

function countKept(summary: ListSummary, keep: Set<Status>): number {
  let n = 0;
  for (const s of keep) n += summary.statuses[s];
  return n;
}

function disciplineOf(sends: NonNullable<ReturnType<typeof readHistory>>, plan: Plan, planned: number | undefined, pct: (r: number) => string): DisciplineReport {
  const report = checkDiscipline(sends.sends, { maxGrowth: plan.maxGrowth, planned, percent: pct });
  report.warnings.push(...sends.warnings);
  return report;
}

/**
 * The clean and suppressed exports of one file, opened on the first row (the header and the
 * source's line endings and BOM are known by then) and renamed into place on commit.
 */
function openExports(plan: Plan, locale: Locale) {
  const targets: { out: AtomicExport; keep: (s: Status) => boolean; key: 'summary.clean' | 'summary.suppressed' }[] = [];
  let opened = false;
  const open = (analyzer: ListAnalyzer) => {
    opened = true;
    const reader = analyzer.reader();
    const eol = reader.crlf ? '\r\n' : '\n';
    for (const [target, key] of [
      [plan.clean, 'summary.clean'],
      [plan.suppressed, 'summary.suppressed'],
    ] as const) {
      if (!target) continue;
      try {
        const out = new AtomicExport(target, eol, reader.bom);
        if (analyzer.header) out.header(analyzer.header);
        targets.push({ out, keep: key === 'summary.clean' ? (s) => plan.keep.has(s) : (s) => !plan.keep.has(s), key });
      } catch (e) {
        for (const t of targets) t.out.abort();
        throw new ListInputError('cli.cannotWrite', { file: target, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      }
    }
  };
  const wanted = Boolean(plan.clean || plan.suppressed);
  return {
    row(status: Status, record: CsvRecord, analyzer: ListAnalyzer) {
      if (!wanted) return;
      if (!opened) open(analyzer);
      for (const t of targets) if (t.keep(status)) t.out.row(record);
    },
    commit(analyzer: ListAnalyzer): string[] {
      if (!wanted) return [];
      if (!opened) open(analyzer);
      const lines: string[] = [];
      for (const t of targets) {
        t.out.commit();
        lines.push(listText(locale, t.key, { count: t.out.count, file: t.out.target }));
      }
      return lines;
    },
    abort() {
      for (const t of targets) t.out.abort();
    },
  };
}
