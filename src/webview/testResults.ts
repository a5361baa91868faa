// The "Test results" panel: SpamAssassin's and Rspamd's verdicts on the built message, the
// Mailproof score beside them, and the test send's result. Every string from a filter or an SMTP
// server goes into the page through textContent, never as markup.
import { type FromTestResults, parseToTestResults, type TestResultsState } from './testResultsProtocol';

declare function acquireVsCodeApi(): { postMessage(m: FromTestResults): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
let state = parseToTestResults({ type: 'state', state: vscode.getState() })?.state;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function render(): void {
  const root = document.getElementById('root')!;
  root.replaceChildren();
  const s = state;
  if (!s) return;
  const t = s.strings;
  root.append(el('h1', {}, `${t.title} — ${s.draft}`));
  root.append(el('p', { id: 'status', role: 'status', 'aria-live': 'polite' }, s.running ?? ''));
  if (s.mailproofScore) root.append(el('p', { class: 'mailproof-score' }, s.mailproofScore));
  for (const f of s.filters) {
    const sec = el('section', { class: 'filter', 'data-filter': f.filter });
    sec.append(el('h2', {}, f.label));
    const status = f.ok ? (f.isSpam ? 'fail' : 'pass') : 'error';
    const head = el('p', { class: `verdict status-line-${status}` });
    head.append(el('span', { class: `status status-${status}`, role: 'img', 'aria-label': f.ok ? (f.isSpam ? t.spam : t.notSpam) : '?' }, f.ok ? (f.isSpam ? '✖' : '✔') : '?'), el('span', { class: 'headline' }, f.headline));
    sec.append(head);
    if (f.detail) sec.append(el(f.ok ? 'p' : 'pre', { class: f.ok ? 'muted note' : 'record help' }, f.detail));
    if (f.ok && f.hits.length === 0) sec.append(el('p', { class: 'muted' }, t.noHits));
    if (f.hits.length) {
      const table = el('table', { class: 'hits' });
      const hr = el('tr');
      for (const h of [t.points, t.rule, t.description, t.place]) hr.append(el('th', { scope: 'col' }, h));
      table.append(el('thead'), el('tbody'));
      table.tHead!.append(hr);
      f.hits.forEach((h, index) => {
        const tr = el('tr', { 'data-rule': h.name });
        tr.append(el('td', { class: `points ${h.score > 0 ? 'positive' : 'negative'}` }, h.score.toFixed(1)), el('td', { class: 'rule' }, h.name), el('td', {}, h.description));
        const place = el('td');
        if (h.located) {
          const b = el('button', { type: 'button', class: 'secondary reveal' }, t.located);
          b.addEventListener('click', () => vscode.postMessage({ type: 'reveal', filter: f.filter, index }));
          place.append(b);
        } else place.append(el('span', { class: 'muted' }, t.unlocated));
        tr.append(place);
        table.tBodies[0].append(tr);
      });
      sec.append(table);
    }
    root.append(sec);
  }
  if (s.notes.length) {
    const sec = el('section', { class: 'notes' });
    sec.append(el('h2', {}, t.notesTitle));
    const ul = el('ul');
    for (const n of s.notes) ul.append(el('li', {}, n));
    sec.append(ul);
    root.append(sec);
  }
  if (s.send) {
    const sec = el('section', { class: `send ${s.send.ok ? 'send-ok' : 'send-failed'}` });
    sec.append(el('h2', {}, t.sendTitle));
    for (const line of s.send.lines) sec.append(el('pre', { class: 'record' }, line));
    root.append(sec);
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = parseToTestResults(event.data);
  if (!m) return;
  state = m.state;
  vscode.setState(state);
  render();
});

render();
vscode.postMessage({ type: 'ready' });
