// The bulk-sender requirements of Gmail (Email sender guidelines, Feb 2024), Yahoo (Sender
// best practices, Feb 2024) and Microsoft Outlook.com (high-volume senders, May 2025), as a
// checklist derived from a report.
import type { Locale } from '../engine/types';
import { type MessageKey, msg } from './i18n';
import type { ChecklistItem, CheckId, CheckResult, DeliverabilityReport } from './types';

type State = ChecklistItem['state'];

function stateOf(c: CheckResult | undefined): State {
  if (!c) return 'unknown';
  if (c.status === 'pass' || c.status === 'warn') return 'met';
  if (c.status === 'fail') return 'unmet';
  return 'unknown';
}

/** Derives the checklist; the panel shows it, the Markdown export lists it. */
export function bulkSenderChecklist(report: DeliverabilityReport, locale: Locale = 'en'): ChecklistItem[] {
  const get = (id: CheckId) => report.checks.find((c) => c.id === id);
  const item = (id: ChecklistItem['id'], state: State, checks: CheckId[], detailKey?: string): ChecklistItem => ({
    id,
    state,
    label: msg(locale, `checklist.${id}` as MessageKey),
    detail: msg(locale, (detailKey ?? `checklist.state.${state}`) as MessageKey),
    checks,
  });

  // Published and evaluable, even if a given IP is not in it yet.
  const spfMetrics = get('spf')?.metrics;
  const spf: State = spfMetrics ? (spfMetrics.valid ? 'met' : 'unmet') : 'unknown';
  const dkimCheck = get('dkim');
  // A DKIM key not found among guessed selectors is not a "no": the user's selector may differ.
  const dkimGuessed = dkimCheck?.problems.some((p) => p.code === 'dkim-not-found' && p.severity !== 'error');
  const usable = dkimCheck?.metrics?.usableKeys;
  const dkim: State = dkimGuessed || usable === undefined ? 'unknown' : usable > 0 ? 'met' : 'unmet';
  const dmarc = stateOf(get('dmarc'));
  // Alignment needs DMARC plus SPF or DKIM published for the From domain itself (RFC 7489 §3.1).
  const alignment: State = dmarc === 'met' && (spf === 'met' || dkim === 'met') ? 'met' : dmarc === 'unmet' || (spf === 'unmet' && dkim === 'unmet') ? 'unmet' : 'unknown';
  const ptrCheck = get('ptr');
  // PTR of the MX hosts says little about the sending servers.
  const fromMx = ptrCheck?.problems.some((p) => p.code === 'ptr-source');
  const m = ptrCheck?.metrics;
  const fcrdns: State = fromMx || !m ? 'unknown' : m.valid === m.ips ? 'met' : 'unmet';
  const smtp = get('smtp');
  const tls = smtp?.status === 'skipped' ? 'unknown' : stateOf(smtp);

  return [
    item('spf', spf, ['spf']),
    item('dkim', dkim, ['dkim'], dkimGuessed ? 'checklist.detail.dkimGuessed' : undefined),
    item('dmarc', dmarc, ['dmarc']),
    item('alignment', alignment, ['dmarc', 'spf', 'dkim']),
    item('fcrdns', fcrdns, ['ptr'], fromMx ? 'checklist.detail.ptrFromMx' : undefined),
    item('tls', tls, ['smtp'], smtp?.status === 'skipped' ? 'checklist.detail.tlsSkipped' : undefined),
    item('unsubscribe', 'draft', [], 'checklist.detail.unsubscribe'),
    item('spam-rate', 'external', [], 'checklist.detail.spamRate'),
  ];
}
