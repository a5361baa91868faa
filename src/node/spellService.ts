/**
 * Spelling in a worker thread (dist/lintWorker.js, the same bundle as the lint worker). Hunspell
 * and its dictionaries (about 60 MB) load there, never on the extension host thread: the host
 * lints every other rule at once and asks the worker for the spelling findings afterwards, then
 * for corrections when the quick-fix menu opens.
 */
import type { MailproofConfig } from '../engine/config';
import { lint } from '../engine/lint';
import type { DraftModel } from '../engine/model';
import { spelling } from '../engine/rules/spelling';
import type { Rule } from '../engine/rule';
import { spellingSuggestions } from '../engine/spelling/suggest';
import type { DraftKind, Finding, Locale, Suggestion } from '../engine/types';
import { type LoadedSpeller, loadSpeller } from '../spelling/index';

/** What the host asks. */
export type SpellRequest =
  | { type: 'lint'; id: number; uri: string; version: number; text: string; kind: DraftKind; fileName?: string; config: MailproofConfig; locale: Locale }
  | { type: 'suggest'; id: number; uri: string; version: number; finding: Finding; locale: Locale }
  | { type: 'forget'; uri: string };

/** What the worker answers: the request's id with its result, or an error message. */
export type SpellResponse =
  | { id: number; findings: Finding[]; loadMs?: Record<string, number> }
  | { id: number; suggestions: Suggestion[] }
  | { id: number; error: string };

// The parse of each open draft's last spelling lint, for its suggestions.
const models = new Map<string, { version: number; model: DraftModel }>();
let speller: Promise<LoadedSpeller> | undefined;
let reportedLoad = false;

/** Answers one spelling request; `forget` has no answer. */
export async function serveSpelling(msg: SpellRequest): Promise<SpellResponse | undefined> {
  if (msg.type === 'forget') {
    models.delete(msg.uri);
    return undefined;
  }
  speller ??= loadSpeller();
  const s = await speller;
  if (msg.type === 'lint') {
    const run = lint(msg.text, { kind: msg.kind, fileName: msg.fileName, config: msg.config, locale: msg.locale, rules: [spelling as unknown as Rule], speller: s });
    models.set(msg.uri, { version: msg.version, model: run.model });
    const loadMs = reportedLoad ? undefined : s.loadMs;
    reportedLoad = true;
    return { id: msg.id, findings: run.findings, ...(loadMs ? { loadMs } : {}) };
  }
  const kept = models.get(msg.uri);
  if (!kept || kept.version !== msg.version) return { id: msg.id, suggestions: [] };
  return { id: msg.id, suggestions: spellingSuggestions(kept.model, msg.finding, s, msg.locale) };
}
