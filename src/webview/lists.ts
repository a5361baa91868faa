// The recipient-list panel. Addresses come from a file anyone could have written: they go into
// the page through textContent only, never as markup.
import { type FromListWebview, type ListPanelReport, type ListPanelStrings, type ListStatus, parseToListWebview } from './listsProtocol';

declare function acquireVsCodeApi(): { postMessage(m: FromListWebview): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();

interface State {
  strings?: ListPanelStrings;
  report?: ListPanelReport;
  running?: boolean;
  cancelled?: boolean;
}

let state: State = (vscode.getState() as State | undefined) ?? {};

// The deliverability panel's status styles, by the closest meaning.
const STYLE: Record<ListStatus, string> = { valid: 'pass', risky: 'warn', invalid: 'fail', duplicate: 'warn', unknown: 'error' };
const ICON: Record<ListStatus, string> = { valid: '✔', risky: '⚠', invalid: '✖', duplicate: '≡', unknown: '?' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function badge(status: ListStatus, s: ListPanelStrings): HTMLElement {
  return el('span', { class: `status status-${STYLE[status]}`, role: 'img', 'aria-label': s.statuses[status], title: s.statuses[status] }, ICON[status]);
}

function button(label: string, message: FromListWebview, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

function render(): void {
  const root = document.getElementById('root')!;
  root.replaceChildren();
  const s = state.strings;
  if (!s) return;
  const r = state.report;
  root.append(el('h1', {}, r ? `${s.title} — ${r.file}` : s.title));
  const actions = el('div', { class: 'actions' });
  actions.append(state.running ? button(s.cancel, { type: 'cancel' }, { class: 'secondary', id: 'cancel' }) : button(s.rerun, { type: 'rerun' }, { id: 'rerun' }));
  root.append(actions);
  root.append(el('p', { id: 'status', role: 'status' }, state.running ? s.running : state.cancelled ? s.cancelled : ''));
  if (!r) return;

  root.append(el('h2', {}, s.statusHeading));
  const counts = el('ul', { class: 'checklist', id: 'statuses' });
  for (const status of ['valid', 'risky', 'invalid', 'duplicate', 'unknown'] as const) {
    const li = el('li', { 'data-status': status });
    li.append(badge(status, s), el('span', { class: 'check-name' }, s.statuses[status]), el('span', { class: 'check-summary' }, String(r.statuses[status])));
    counts.append(li);
  }
  root.append(counts);
  const lines = el('ul', { class: 'problems', id: 'summary' });
  r.lines.forEach((line, i) => lines.append(el('li', { class: i === 0 && r.level !== 'ok' ? 'problem problem-error' : 'problem' }, line)));
  root.append(lines);

  if (r.reasons.length) {
    root.append(el('h2', {}, s.reasonsHeading));
    const ul = el('ul', { class: 'checklist', id: 'reasons' });
    for (const reason of r.reasons) {
      const li = el('li');
      li.append(el('code', { class: 'check-name' }, reason.code), el('span', { class: 'check-summary' }, String(reason.count)));
      ul.append(li);
    }
    root.append(ul);
  }

  if (r.problems.length) {
    root.append(el('h2', {}, s.problemsHeading));
    const table = el('table', { id: 'problems' });
    const head = el('tr');
    for (const h of [s.line, s.status, s.address, s.reason]) head.append(el('th', { scope: 'col' }, h));
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    for (const p of r.problems) {
      const tr = el('tr', { 'data-line': String(p.line) });
      const status = el('td');
      status.append(badge(p.status, s), document.createTextNode(` ${s.statuses[p.status]}`));
      tr.append(el('td', {}, String(p.line)), status, el('td', { class: 'record' }, p.address), el('td', {}, p.message));
      table.tBodies[0].append(tr);
    }
    root.append(table);
    if (r.more) root.append(el('p', { class: 'muted' }, s.more.replace('{0}', String(r.more))));
  }
  root.append(el('p', { class: 'muted', id: 'privacy' }, s.privacy));
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = parseToListWebview(event.data);
  if (!m) return;
  switch (m.type) {
    case 'init':
      state = { strings: m.strings };
      break;
    case 'running':
      state = { ...state, running: true, cancelled: false };
      break;
    case 'cancelled':
      state = { ...state, running: false, cancelled: true };
      break;
    case 'report':
      state = { ...state, report: m.report, running: false, cancelled: false };
      break;
  }
  vscode.setState(state);
  render();
});

render();
vscode.postMessage({ type: 'ready' });
