// Entry of dist/lintWorker.js: lints in a worker thread so that the CLI uses every core and the
// extension host never runs a long lint. The extension's spelling worker runs the same bundle
// (one copy of the engine in the package): its requests carry a `type`.
import { parentPort } from 'node:worker_threads';
import type { GrammarResults } from '../engine/grammar/paragraphs';
import { detectKind, lint, type LintRun } from '../engine/lint';
import type { Speller } from '../engine/spelling/speller';
import { GrammarCheckers } from '../grammar/index';
import { type DraftFile, readDraft } from '../cli/files';
import { decideByContent } from './contentDecision';
import { lineStarts } from '../engine/position';
import { spellingModule } from './spellingModule';
import type { FileLintRequest, LintRequest, LintResponse, WorkerMessage, WorkerReply } from './lintProtocol';
import { lintOptions, printedResult, serveLint, serveWith } from './lintService';
import type { SpellRequest } from './spellService';

const port = parentPort;
// The CLI pool's language checks, started by each worker on its first draft that asks for them.
let speller: Promise<Speller> | undefined;
const grammarCheckers = new GrammarCheckers();

if (port) {
  port.on('message', (msg: WorkerMessage | SpellRequest) => {
    if ('type' in msg) {
      // The editor's spelling: loaded on the first such request, so that its large drafts'
      // worker never loads Hunspell (answers carry their id, so they need no queue).
      import('./spellService').then(({ serveSpelling }) => serveSpelling(msg)).then(
        (res) => res && port.postMessage(res),
        (e: unknown) => {
          if (msg.type !== 'forget') port.postMessage({ id: msg.id, error: (e as Error)?.message ?? String(e) });
        },
      );
      return;
    }
    if ('file' in msg) {
      const reply = serveFile(msg.id, msg.file);
      if (reply instanceof Promise) reply.then((r) => port.postMessage(r));
      else port.postMessage(reply);
      return;
    }
    const { id, request } = msg;
    if (!request.options.spelling && !request.options.grammar) port.postMessage(answer(id, request));
    else withLanguageChecks(id, request).then((reply) => port.postMessage(reply));
  });
}

/**
 * A draft of the CLI: read here, told from a web page here, linted here, so that the CLI's
 * thread (which only lists paths and writes the output) keeps none of the cores busy.
 */
function serveFile(id: number, file: FileLintRequest): WorkerReply | Promise<WorkerReply> {
  try {
    let draft: DraftFile | undefined;
    if (!file.read) {
      // The digest is only compared before --fix writes the file.
      const read = readDraft(file.path, file.maxBytes, file.fix !== undefined);
      if ('reason' in read) return { id, response: { failure: read } };
      if (file.decided === 'ignored') return { id, response: { skipped: { lint: false, key: 'detect.ignored' } } };
      if (file.decided !== 'lint') {
        const decision = decideByContent(file.path, read.text);
        if (!decision.lint) return { id, response: { skipped: decision } };
      }
      draft = read;
    }
    const { text, lossless } = file.read ?? draft!;
    const request: LintRequest = {
      text,
      options: { ...file.options, fileName: file.path },
      // A fixed text that would lose bytes is not written, so not asked for (unless only shown).
      fix: file.fix && { write: file.fix.dryRun || lossless, types: file.fix.types },
    };
    const extra: Partial<LintResponse> = {};
    const printed = (spell?: Speller, grammar?: GrammarResults, first?: LintRun): WorkerReply => {
      try {
        const { snapshot: result, fixed } = serveWith(request, printedResult, spell, grammar, first);
        if (request.fix) return { id, response: { result, draft, fixed, ...extra } };
        return { id, response: { result, lines: { starts: lineStarts(text), length: text.length }, ...extra } };
      } catch (e) {
        return failed(id, e);
      }
    };
    if (!request.options.spelling && !request.options.grammar) return printed();
    return languageChecks(request, extra).then(
      (c) => printed(c.spell, c.grammar, c.first),
      (e: unknown) => failed(id, e),
    );
  } catch (e) {
    return failed(id, e);
  }
}

// The message is what a user reads; the stack goes with it for MAILPROOF_DEBUG and the logs.
function failed(id: number, e: unknown): WorkerReply {
  return { id, error: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack };
}

function answer(id: number, request: LintRequest, spell?: Speller, grammar?: GrammarResults, extra?: Partial<LintResponse>, first?: LintRun): WorkerReply {
  try {
    return { id, response: { ...serveLint(request, spell, grammar, first), ...extra } };
  } catch (e) {
    return failed(id, e);
  }
}

/** A lint with the speller and grammar results, or with a word of why either is missing. */
async function withLanguageChecks(id: number, request: LintRequest): Promise<WorkerReply> {
  const extra: Partial<LintResponse> = {};
  let checks;
  try {
    checks = await languageChecks(request, extra);
  } catch (e) {
    return failed(id, e);
  }
  return answer(id, request, checks.spell, checks.grammar, extra, checks.first);
}

/**
 * The speller and grammar results a request asks for, with the lint of its text when grammar
 * ran it; why either is missing goes in `extra`. Rejects when the grammar check throws.
 */
async function languageChecks(request: LintRequest, extra: Partial<LintResponse>): Promise<{ spell?: Speller; grammar?: GrammarResults; first?: LintRun }> {
  let spell: Speller | undefined;
  // Python loads Grammalecte's rules on another core while Hunspell loads here.
  if (request.options.grammar) grammarCheckers.prestart();
  if (request.options.spelling) {
    speller ??= spellingModule().then((m) => m.loadSpeller());
    spell = await speller.catch((e: unknown) => {
      extra.spellingUnavailable = (e as Error)?.message ?? String(e);
      return undefined;
    });
  }
  if (!request.options.grammar) return { spell };
  const { text, options } = request;
  const kind = options.kind ?? detectKind(options.fileName, text);
  const checked = await grammarCheckers.lint(text, kind, options.config, options.grammar?.languageToolUrl, (grammar, model) => lint(text, { ...lintOptions(request, spell, grammar), model }));
  if (checked.error !== undefined) extra.grammarUnavailable = checked.error;
  return { spell, grammar: checked.grammar, first: checked.run };
}
