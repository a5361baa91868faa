import { linksOf } from './html/links';
import { isIpHost } from './html/url';
import type { LintRun } from './lint';
import type { Header } from './model';
import type { LintResult } from './types';

// The deliverability check looks up the draft's first 20 linked hosts (each costs DNS queries).
const MAX_LINKED_HOSTS = 20;

/**
 * What an editor keeps of a lint between two lints: the findings and score, plus the few facts
 * about the draft that code actions and commands read (where a header or a directive comment
 * goes, the sender, the linked hosts). A few kilobytes, where the model is about ten times the
 * draft; plain data, so it crosses a worker boundary by structured clone.
 */
export interface LintSnapshot extends LintResult {
  facts: DraftFacts;
}

/** The parts of a draft's model that outlive a lint (see {@link LintSnapshot}). */
export interface DraftFacts {
  kind: LintResult['kind'];
  /** `.eml` headers or front matter. */
  headers: Header[];
  preambleEnd: number;
  eol: string;
  /** HTTP(S) hosts the draft links to, placeholders and raw IPs left out, at most {@link MAX_LINKED_HOSTS}. */
  linkedHosts: string[];
}

/** The first header with this (case-insensitive) name. */
export function factHeader(facts: DraftFacts, name: string): Header | undefined {
  const key = name.toLowerCase();
  return facts.headers.find((h) => h.key === key);
}

/** Keeps what outlives a lint run and drops the model. */
export function snapshotOf(run: LintRun): LintSnapshot {
  const { model, lines: _lines, ...result } = run;
  const hosts = new Set<string>();
  outer: for (const part of model.parts) {
    for (const link of linksOf(part, model.source)) {
      const { host, templated, scheme } = link.parts;
      if (!host || templated || (scheme !== 'http' && scheme !== 'https') || isIpHost(host)) continue;
      hosts.add(host);
      if (hosts.size >= MAX_LINKED_HOSTS) break outer;
    }
  }
  return {
    ...result,
    facts: {
      kind: model.kind,
      // Copies: a header of the model may hold slices of the source alive.
      headers: model.headers.map((h) => ({ ...h, name: copy(h.name), key: copy(h.key), value: copy(h.value) })),
      preambleEnd: model.preambleEnd,
      eol: model.eol,
      linkedHosts: [...hosts].map(copy),
    },
  };
}

// V8 keeps the parent of a sliced string alive: a copy flattened from a concatenation lets the
// parent (the whole draft) go.
function copy(s: string): string {
  return (' ' + s).slice(1);
}
