import type { MailproofConfig } from '../engine/config';
import type { FixType } from '../engine/fix';
import type { LintSnapshot } from '../engine/snapshot';
import type { DraftKind, Locale } from '../engine/types';

/**
 * A lint asked of the lint worker (dist/lintWorker.js): `lint(text, options)` in another
 * thread, answered with a {@link LintSnapshot}. Plain data both ways (structured clone).
 */
export interface LintRequest {
  text: string;
  options: {
    kind?: DraftKind;
    fileName?: string;
    config?: MailproofConfig;
    locale?: Locale;
    /** Read local files the draft references (image sizes) through the file system. */
    localFiles?: boolean;
    /** Check spelling: the worker loads Hunspell on the first such request and keeps it. */
    spelling?: boolean;
    /**
     * Check grammar: the worker starts its own Grammalecte (when installed) on the first such
     * request, and asks the LanguageTool server at `languageToolUrl` (already validated).
     */
    grammar?: { languageToolUrl?: string };
  };
  /**
   * Also apply every preferred fix (of `types`, fixes only by default), pass after pass. With
   * `write` false the fixed text is not returned and the snapshot stays the one of the given
   * text (the caller cannot save it).
   */
  fix?: { write: boolean; types?: FixType[] };
}

/** The worker's answer to a {@link LintRequest}. */
export interface LintResponse {
  snapshot: LintSnapshot;
  /** With `fix`: how many findings the fixes resolved, and the fixed text when asked to write. */
  fixed?: { count: number; text?: string };
  /** Why spelling was asked for but not checked (Hunspell failed to load). */
  spellingUnavailable?: string;
  /** Why grammar was asked for but not checked (a checker failed on this draft). */
  grammarUnavailable?: string;
}

/** Messages on the worker port. */
export type WorkerMessage = { id: number; request: LintRequest };
export type WorkerReply = { id: number; response: LintResponse } | { id: number; error: string };
