// Entry of dist/lintWorker.js: lints in a worker thread so that the CLI uses every core and the
// extension host never runs a long lint. One request at a time, answered in order.
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage, WorkerReply } from './lintProtocol';
import { serveLint } from './lintService';

const port = parentPort;
if (port) {
  port.on('message', ({ id, request }: WorkerMessage) => {
    let reply: WorkerReply;
    try {
      reply = { id, response: serveLint(request) };
    } catch (e) {
      reply = { id, error: (e as Error)?.stack ?? String(e) };
    }
    port.postMessage(reply);
  });
}
