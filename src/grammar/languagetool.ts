/**
 * A client for a LanguageTool server the user runs (`mailproof.grammar.languageToolUrl`, e.g.
 * http://localhost:8081). There is no default: drafts are private and never go to a public
 * service unless the user points Mailproof at one.
 */
import type { GrammarIssue } from '../engine/grammar/paragraphs';
import type { GrammarBackend, GrammarRequest } from './index';

// LanguageTool's typography categories: not what deliverability is about (see grammalecte.ts).
const DISABLED_CATEGORIES = 'TYPOGRAPHY,PUNCTUATION,CASING,TYPOS';
const REQUEST_TIMEOUT_MS = 10_000;
// A server's answer larger than this is not a list of matches for one paragraph.
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;
const LANGUAGE_CODES: Record<string, string> = { fr: 'fr', en: 'en-US' };
/** The languages Mailproof asks a LanguageTool server about. */
export const LANGUAGE_TOOL_LANGUAGES = ['fr', 'en'] as const;

interface LtMatch {
  message?: unknown;
  offset?: unknown;
  length?: unknown;
  replacements?: Array<{ value?: unknown }>;
  rule?: { id?: unknown };
}

/** Checks the server URL: http or https, no credentials in it. Returns the normalised base URL or an error message. */
export function parseLanguageToolUrl(raw: string): { url: string } | { error: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { error: `not a URL: ${raw}` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { error: `not an http(s) URL: ${raw}` };
  if (u.username || u.password) return { error: 'credentials in the LanguageTool URL are not supported' };
  return { url: trimTrailingSlashes(u.toString()) };
}

/** The URL without its trailing `/`s, by a scan from the end (a `/+$` regex backtracks on a run of slashes). */
function trimTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  return s.slice(0, end);
}

/** A backend that sends each paragraph to `${url}/v2/check`. */
export function languageToolBackend(baseUrl: string): GrammarBackend {
  const controller = new AbortController();
  async function checkOne(req: GrammarRequest): Promise<GrammarIssue[]> {
    const body = new URLSearchParams({ text: req.text, language: LANGUAGE_CODES[req.lang] ?? req.lang, disabledCategories: DISABLED_CATEGORIES });
    const res = await fetch(`${baseUrl}/v2/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.any([controller.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`LanguageTool answered ${res.status} ${res.statusText}`);
    const text = await res.text();
    if (text.length > MAX_ANSWER_BYTES) throw new Error('LanguageTool answer too large');
    const data = JSON.parse(text) as { matches?: LtMatch[] };
    const out: GrammarIssue[] = [];
    for (const m of Array.isArray(data.matches) ? data.matches : []) {
      // LanguageTool offsets are UTF-16 code units, like the engine's.
      if (typeof m.offset !== 'number' || typeof m.length !== 'number' || typeof m.message !== 'string') continue;
      if (m.offset < 0 || m.length <= 0 || m.offset + m.length > req.text.length) continue;
      out.push({
        start: m.offset,
        end: m.offset + m.length,
        message: m.message,
        suggestions: (m.replacements ?? []).map((r) => r.value).filter((v): v is string => typeof v === 'string').slice(0, 5),
        rule: typeof m.rule?.id === 'string' ? m.rule.id : 'languagetool',
      });
    }
    return out;
  }
  return {
    name: 'LanguageTool',
    languages: LANGUAGE_TOOL_LANGUAGES,
    async check(requests) {
      const out: GrammarIssue[][] = [];
      // One at a time: a self-hosted server is often small.
      for (const r of requests) out.push(await checkOne(r));
      return out;
    },
    close() {
      controller.abort();
    },
  };
}
