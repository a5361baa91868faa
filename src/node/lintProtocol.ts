import type { MailproofConfig } from '../engine/config';
import type { FixType } from '../engine/fix';
import type { LintSnapshot } from '../engine/snapshot';
import type { DraftKind, LintResult, Locale } from '../engine/types';
import type { DraftFile, ReadFailure } from '../cli/files';
import type { FileDecision } from './fileFilter';

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

/**
 * A draft on disk that the CLI asks a worker to read, tell from a web page and lint: the CLI's
 * thread only lists the paths, finds their configuration and writes the output in order.
 */
export interface FileLintRequest {
  path: string;
  /** Bytes read at most. */
  maxBytes: number;
  /**
   * What the path alone decided (ignore patterns, `alwaysLint`): an ignored file is only read
   * (a file that cannot be read is said, ignored or not), one always linted is not looked at.
   * Without it, the content decides.
   */
  decided?: 'ignored' | 'lint';
  /**
   * The draft as the caller read it, already known to be one: the worker then neither reads
   * nor sorts it, and answers a fix without the draft.
   */
  read?: { text: string; lossless: boolean };
  options: Omit<LintRequest['options'], 'fileName' | 'kind'>;
  /**
   * Also apply every preferred fix (of `types`): the answer then carries the draft as read
   * (with its digest) and, when it can be written or `dryRun` shows it, the fixed text.
   */
  fix?: { dryRun: boolean; types?: FixType[] };
}

/** The lint result fields the CLI prints (no model facts). */
export type FileLintResult = Omit<LintResult, 'language'>;

/** The worker's answer to a {@link FileLintRequest}. */
export type FileLintResponse =
  | { failure: ReadFailure }
  /** Not linted: ignored by a pattern, or not a draft by its content (the decision says why). */
  | { skipped: FileDecision }
  | {
      result: FileLintResult;
      /**
       * Without `fix`: where the lines of the linted text start, and its length, which is all the
       * formatters need of the text for positions (the text itself is not sent back).
       */
      lines?: { starts: Uint32Array; length: number };
      /**
       * With `fix`: the draft as read (unless the request carried it); the result is the fixed
       * text's when `fixed.text` is set.
       */
      draft?: DraftFile;
      fixed?: { count: number; text?: string };
      spellingUnavailable?: string;
      grammarUnavailable?: string;
    };

/** Messages on the worker port. */
export type WorkerMessage = { id: number; request: LintRequest } | { id: number; file: FileLintRequest };
export type WorkerReply = { id: number; response: LintResponse | FileLintResponse } | { id: number; error: string; stack?: string };
