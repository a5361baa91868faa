// Entry of dist/lintWorker.js: lints in a worker thread so that the CLI uses every core and the
// extension host never runs a long lint. The extension's spelling worker runs the same bundle
// (one copy of the engine in the package): its requests carry a `type`.
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage, WorkerReply } from './lintProtocol';
import { serveLint } from './lintService';
import type { SpellRequest } from './spellService';

const port = parentPort;
if (port) {
  port.on('message', (msg: WorkerMessage | SpellRequest) => {
    if ('type' in msg) {
      // Spelling: loaded on the first such request, so that the CLI's and the large drafts'
      // workers never load Hunspell (answers carry their id, so they need no queue).
      import('./spellService').then(({ serveSpelling }) => serveSpelling(msg)).then(
        (res) => res && port.postMessage(res),
        (e: unknown) => {
          if (msg.type !== 'forget') port.postMessage({ id: msg.id, error: (e as Error)?.message ?? String(e) });
        },
      );
      return;
    }
    const { id, request } = msg;
    let reply: WorkerReply;
    try {
      reply = { id, response: serveLint(request) };
    } catch (e) {
      reply = { id, error: (e as Error)?.stack ?? String(e) };
    }
    port.postMessage(reply);
  });
}
