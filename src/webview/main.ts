// The deliverability panel. Every string from DNS, SMTP or the report goes into the page
// through textContent: a TXT record is attacker-controlled and must never become markup.
import type { CheckResult, CheckStatus, DeliverabilityReport } from '../deliverability/types';
import { type ChecklistItem, type FromWebview, type PanelStrings, parseToWebview } from './protocol';

declare function acquireVsCodeApi(): { postMessage(m: FromWebview): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();

interface State {
  strings?: PanelStrings;
  domain?: string;
  canTestLogin?: boolean;
  report?: DeliverabilityReport;
  checklist?: ChecklistItem[];
  partial?: CheckResult[];
  running?: boolean;
  cancelled?: boolean;
}

let state: State = (vscode.getState() as State | undefined) ?? {};

const GROUPS: Array<{ key: keyof PanelStrings['groups']; ids: string[] }> = [
  { key: 'authentication', ids: ['spf', 'dkim', 'dmarc', 'bimi'] },
  { key: 'infrastructure', ids: ['mx', 'ptr', 'smtp', 'mta-sts', 'tls-rpt'] },
  { key: 'reputation', ids: ['sender', 'ip-blocklists', 'domain-blocklists'] },
];

const ICON: Record<CheckStatus, string> = { pass: '✔', warn: '⚠', fail: '✖', error: '?', info: 'ℹ', skipped: '–' };
// Checklist states shown with the status styles they resemble.
const STATE_AS_STATUS: Record<ChecklistItem['state'], CheckStatus> = { met: 'pass', unmet: 'fail', unknown: 'error', draft: 'info', external: 'skipped' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function statusBadge(status: CheckStatus, s: PanelStrings, label = s.status[status]): HTMLElement {
  return el('span', { class: `status status-${status}`, role: 'img', 'aria-label': label, title: label }, ICON[status]);
}

function button(label: string, message: FromWebview, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

function renderCheck(c: CheckResult, s: PanelStrings): HTMLElement {
  const details = el('details', { class: `check check-${c.status}`, 'data-check': c.id });
  if (c.status !== 'pass' && c.status !== 'skipped') details.open = true;
  const summary = el('summary');
  summary.append(statusBadge(c.status, s), el('span', { class: 'check-name' }, s.checkNames[c.id] ?? c.id), el('span', { class: 'check-summary' }, c.summary));
  details.append(summary);
  if (c.problems.length) {
    const ul = el('ul', { class: 'problems' });
    for (const p of c.problems) {
      const li = el('li', { class: `problem problem-${p.severity}`, 'data-code': p.code });
      li.append(el('span', { class: 'problem-message' }, p.message), el('code', { class: 'problem-code' }, p.code));
      if (p.fix) li.append(el('div', { class: 'problem-fix' }, `${s.fix} ${p.fix}`));
      ul.append(li);
    }
    details.append(ul);
  }
  if (c.suggestion) {
    const box = el('div', { class: 'suggestion' });
    box.append(el('h4', {}, s.suggestion));
    const pre = el('pre', { class: 'record suggestion-record' }, c.suggestion);
    const copy = el('button', { type: 'button', class: 'copy' }, s.copy);
    const text = c.suggestion;
    copy.addEventListener('click', () => vscode.postMessage({ type: 'copy', text }));
    box.append(pre, copy);
    details.append(box);
  }
  const rec = el('div', { class: 'records' });
  rec.append(el('h4', {}, s.records));
  if (c.records.length === 0) rec.append(el('p', { class: 'muted' }, s.noRecords));
  for (const r of c.records) rec.append(el('pre', { class: 'record' }, r));
  details.append(rec);
  return details;
}

function render(): void {
  const root = document.getElementById('root')!;
  root.replaceChildren();
  const s = state.strings;
  if (!s) return;
  const header = el('header');
  header.append(el('h1', {}, s.title));
  const actions = el('div', { class: 'actions' });
  if (state.running) actions.append(button(s.cancel, { type: 'cancel' }, { id: 'cancel' }));
  else {
    actions.append(button(s.rerun, { type: 'rerun' }, { id: 'rerun' }));
    if (state.report) actions.append(button(s.exportMarkdown, { type: 'export' }, { id: 'export', class: 'secondary' }));
    if (state.canTestLogin) actions.append(button(s.loginTest, { type: 'loginTest' }, { id: 'login-test', class: 'secondary' }));
  }
  header.append(actions);
  const live = el('p', { id: 'status', role: 'status', 'aria-live': 'polite' }, state.running ? s.running : state.cancelled ? s.cancelled : '');
  header.append(live);
  root.append(header);

  const checks = state.report?.checks ?? state.partial ?? [];
  if (state.checklist?.length) {
    const sec = el('section', { class: 'checklist', 'aria-labelledby': 'checklist-title' });
    sec.append(el('h2', { id: 'checklist-title' }, s.checklist));
    const ul = el('ul');
    for (const item of state.checklist) {
      const li = el('li', { 'data-item': item.id, 'data-state': item.state });
      li.append(statusBadge(STATE_AS_STATUS[item.state], s, s.states[item.state]), el('span', { class: 'item-label' }, item.label));
      if (item.detail) li.append(el('span', { class: 'muted item-detail' }, item.detail));
      ul.append(li);
    }
    sec.append(ul);
    root.append(sec);
  }
  for (const g of GROUPS) {
    const inGroup = checks.filter((c) => g.ids.includes(c.id));
    if (!inGroup.length) continue;
    const sec = el('section', { class: 'group', 'data-group': g.key });
    sec.append(el('h2', {}, s.groups[g.key]));
    for (const c of inGroup) sec.append(renderCheck(c, s));
    root.append(sec);
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = parseToWebview(event.data);
  if (!m) return;
  switch (m.type) {
    case 'init':
      state = { strings: m.strings, domain: m.domain, canTestLogin: m.canTestLogin };
      break;
    case 'running':
      state = { ...state, running: true, cancelled: false, report: undefined, checklist: undefined, partial: [] };
      break;
    case 'progress':
      state = { ...state, partial: [...(state.partial ?? []).filter((c) => c.id !== m.check.id), m.check] };
      break;
    case 'report':
      state = { ...state, running: false, report: m.report, checklist: m.checklist, partial: undefined };
      break;
    case 'cancelled':
      state = { ...state, running: false, cancelled: true };
      break;
    case 'copied':
      document.getElementById('status')!.textContent = state.strings?.copied ?? '';
      return;
  }
  vscode.setState(state);
  render();
});

render();
vscode.postMessage({ type: 'ready' });
