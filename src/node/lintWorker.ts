// Entry of dist/lintWorker.js: lints in a worker thread so that the CLI uses every core and the
// extension host never runs a long lint. The extension's spelling worker runs the same bundle
// (one copy of the engine in the package): its requests carry a `type`.
import { parentPort } from 'node:worker_threads';
import type { GrammarResults } from '../engine/grammar/paragraphs';
import { detectKind, lint, type LintRun } from '../engine/lint';
import type { Speller } from '../engine/spelling/speller';
import { GrammarCheckers } from '../grammar/index';
import type { LintRequest, LintResponse, WorkerMessage, WorkerReply } from './lintProtocol';
import { lintOptions, serveLint } from './lintService';
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
    const { id, request } = msg;
    if (!request.options.spelling && !request.options.grammar) port.postMessage(answer(id, request));
    else withLanguageChecks(id, request).then((reply) => port.postMessage(reply));
  });
}

function answer(id: number, request: LintRequest, spell?: Speller, grammar?: GrammarResults, extra?: Partial<LintResponse>, first?: LintRun): WorkerReply {
  try {
    return { id, response: { ...serveLint(request, spell, grammar, first), ...extra } };
  } catch (e) {
    return { id, error: (e as Error)?.stack ?? String(e) };
  }
}

/** A lint with the speller and grammar results, or with a word of why either is missing. */
async function withLanguageChecks(id: number, request: LintRequest): Promise<WorkerReply> {
  const extra: Partial<LintResponse> = {};
  let spell: Speller | undefined;
  // Python loads Grammalecte's rules on another core while Hunspell loads here.
  if (request.options.grammar) grammarCheckers.prestart();
  if (request.options.spelling) {
    speller ??= import('../spelling/index').then((m) => m.loadSpeller());
    spell = await speller.catch((e: unknown) => {
      extra.spellingUnavailable = (e as Error)?.message ?? String(e);
      return undefined;
    });
  }
  if (!request.options.grammar) return answer(id, request, spell, undefined, extra);
  try {
    const { text, options } = request;
    const kind = options.kind ?? detectKind(options.fileName, text);
    const checked = await grammarCheckers.lint(text, kind, options.config, options.grammar?.languageToolUrl, (grammar) => lint(text, lintOptions(request, spell, grammar)));
    if (checked.error !== undefined) extra.grammarUnavailable = checked.error;
    return answer(id, request, spell, checked.grammar, extra, checked.run);
  } catch (e) {
    return { id, error: (e as Error)?.stack ?? String(e) };
  }
}
