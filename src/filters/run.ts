// One entry point for the CLI and the extension: score a built message with one filter and place
// its hits on the draft, or explain why the filter gave no answer.
import type { DraftModel } from '../engine/model';
import type { Locale } from '../engine/types';
import { type LocatedHit, locateHits } from './locate';
import { filterText, installHelp } from './messages';
import { rspamdCheck } from './rspamd';
import { spamcReport } from './spamc';
import { FilterError, type FilterResult } from './types';

export type FilterName = 'spamassassin' | 'rspamd';

export interface FilterTarget {
  spamassassin?: { host: string; port: number };
  rspamd?: { url: string };
  timeoutMs?: number;
}

/** A filter's verdict with its hits placed, or why there is none (with what to do about it). */
export type FilterOutcome =
  | { filter: FilterName; ok: true; result: Omit<FilterResult, 'hits'> & { hits: LocatedHit[] }; note: string }
  | { filter: FilterName; ok: false; code: FilterError['code']; message: string; help?: string };

export const FILTER_LABEL: Record<FilterName, string> = { spamassassin: 'SpamAssassin', rspamd: 'Rspamd' };

/** Scores `raw` with one filter; never throws for a filter problem. */
export async function runFilter(filter: FilterName, raw: Buffer, model: DraftModel | undefined, target: FilterTarget, locale: Locale, envelope?: { from?: string; rcpt?: string[] }): Promise<FilterOutcome> {
  const where = filter === 'spamassassin' ? `${target.spamassassin?.host ?? 'localhost'}:${target.spamassassin?.port ?? 783}` : (target.rspamd?.url ?? 'http://localhost:11333');
  try {
    const result =
      filter === 'spamassassin'
        ? await spamcReport(raw, { ...target.spamassassin, timeoutMs: target.timeoutMs })
        : await rspamdCheck(raw, { url: target.rspamd?.url, timeoutMs: target.timeoutMs, from: envelope?.from, rcpt: envelope?.rcpt });
    const hits = model ? locateHits(model, result.hits) : result.hits;
    return { filter, ok: true, result: { ...result, hits }, note: filterText(locale, filter === 'rspamd' ? 'rspamd.localNote' : 'spamassassin.localNote') };
  } catch (e) {
    if (!(e instanceof FilterError)) throw e;
    const label = FILTER_LABEL[filter];
    if (e.code === 'unreachable') return { filter, ok: false, code: e.code, message: filterText(locale, `${filter}.unreachable`, { where }), help: installHelp(locale, filter) };
    const key = e.code === 'timeout' ? 'filter.timeout' : e.code === 'tooLarge' ? 'filter.tooLarge' : 'filter.protocol';
    return { filter, ok: false, code: e.code, message: filterText(locale, key, { filter: label, detail: e.message }) };
  }
}

/** The verdict line: "SpamAssassin: 11.2 points, threshold 5: spam". */
export function verdictLine(outcome: Extract<FilterOutcome, { ok: true }>, locale: Locale): string {
  const r = outcome.result;
  let verdict = filterText(locale, r.isSpam ? 'result.spam' : 'result.notSpam');
  if (r.action) verdict += `, ${filterText(locale, 'result.action', { action: r.action })}`;
  return filterText(locale, 'result.verdict', { filter: FILTER_LABEL[outcome.filter], score: fmt(r.score), threshold: fmt(r.threshold), verdict });
}

export function fmt(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1).replace(/^-0\.0$/, '0.0');
}
