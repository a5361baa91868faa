/**
 * Grammalecte, the French grammar checker (GPL), run as a separate program: Debian's
 * `python3-grammalecte` imported by a small driver in a Python child process. Never bundled.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { GrammarIssue } from '../engine/grammar/paragraphs';
import type { GrammarBackend, GrammarRequest } from './index';

// Typography is the editor's business, not a deliverability problem: spaces, apostrophes,
// non-breaking spaces, ligatures, capitals, numbers and units stay off, and so does
// Grammalecte's own spelling (the spelling rule has Hunspell).
const OPTIONS_OFF = ['typo', 'apos', 'eepi', 'esp', 'tab', 'nbsp', 'unit', 'num', 'nf', 'liga', 'mapos', 'chim', 'ocr', 'poncfin', 'virg', 'maj', 'minis', 'html', 'latex', 'md', 'idrule'];

// Reads one JSON request per line, answers one JSON line each, with UTF-16 offsets.
const DRIVER = `
import json, sys
import grammalecte
gce = grammalecte.GrammarChecker("fr").getGCEngine()
opts = dict(gce.getOptions())
for k in ${JSON.stringify(OPTIONS_OFF)}:
    opts[k] = False
# Some rules of an option turned off still fire (the inclusive-writing rules, ids eepi_…).
OFF_PREFIXES = tuple(k + "_" for k in ${JSON.stringify(OPTIONS_OFF)})
def u16(s, n):
    return len(s[:n].encode("utf-16-le")) // 2
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    req = None
    try:
        req = json.loads(line)
        out = []
        for text in req["texts"]:
            errs = []
            for e in gce.parse(text, "FR", dOptions=opts):
                if e["sRuleId"].startswith(OFF_PREFIXES):
                    continue
                errs.append({"start": u16(text, e["nStart"]), "end": u16(text, e["nEnd"]), "message": e["sMessage"], "suggestions": e["aSuggestions"], "rule": e["sRuleId"]})
            out.append(errs)
        print(json.dumps({"id": req["id"], "results": out}, ensure_ascii=False), flush=True)
    except Exception as exc:
        print(json.dumps({"id": req.get("id") if isinstance(req, dict) else None, "error": str(exc)}), flush=True)
`;

// Debian's interpreter first: a pyenv or virtualenv `python3` on PATH does not see dist-packages.
const PYTHONS = ['/usr/bin/python3', 'python3'];
// Loading the rules takes about half a second; a paragraph a few milliseconds.
const START_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** The Python interpreter that can import Grammalecte, or undefined when it is not installed. */
export function findGrammalecte(): string | undefined {
  for (const python of PYTHONS) {
    const r = spawnSync(python, ['-c', 'import grammalecte'], { stdio: 'ignore', timeout: 10_000 });
    if (r.status === 0) return python;
  }
  return undefined;
}

/**
 * Starts Grammalecte; undefined when it is not installed or does not start. Without `python`,
 * the driver itself tries each interpreter in turn (no separate `import grammalecte` probe,
 * which cost a blocking Python start of its own).
 */
export async function startGrammalecte(python?: string): Promise<GrammarBackend | undefined> {
  for (const p of python === undefined ? PYTHONS : [python]) {
    const backend = await startDriver(p);
    if (backend) return backend;
  }
  return undefined;
}

async function startDriver(python: string): Promise<GrammarBackend | undefined> {
  const child: ChildProcessWithoutNullStreams = spawn(python, ['-c', DRIVER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = new Map<number, { resolve(r: GrammarIssue[][]): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  let nextId = 1;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const failAll = (e: Error) => {
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(e);
    }
    waiting.clear();
  };
  child.on('exit', (code) => failAll(new Error(`Grammalecte exited (${code}): ${stderr.trim()}`)));
  child.on('error', (e) => failAll(e));
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
    child.once('exit', () => resolve(false));
    // Not installed at this path (ENOENT): no 'exit' may follow.
    child.once('error', () => resolve(false));
    lines.on('line', (line) => {
      let msg: { ready?: boolean; id?: number; results?: GrammarIssue[][]; error?: string };
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg.ready) {
        clearTimeout(timer);
        resolve(true);
        return;
      }
      const w = msg.id === undefined ? undefined : waiting.get(msg.id);
      if (!w || msg.id === undefined) return;
      waiting.delete(msg.id);
      clearTimeout(w.timer);
      if (msg.error || !Array.isArray(msg.results)) w.reject(new Error(msg.error ?? 'bad answer from Grammalecte'));
      else w.resolve(msg.results);
    });
  });
  if (!(await ready)) {
    child.kill();
    return undefined;
  }
  return {
    name: 'Grammalecte',
    languages: ['fr'],
    check(requests: GrammarRequest[]): Promise<GrammarIssue[][]> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('Grammalecte did not answer in time'));
        }, REQUEST_TIMEOUT_MS);
        waiting.set(id, { resolve, reject, timer });
        child.stdin.write(`${JSON.stringify({ id, texts: requests.map((r) => r.text) })}\n`);
      });
    },
    close() {
      lines.close();
      child.stdin.end();
      child.kill();
    },
  };
}
