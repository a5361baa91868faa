// The list panel's page trusts nothing it receives: unexpected messages are dropped whole.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ListPanelReport, MAX_PANEL_PROBLEMS, parseFromListWebview, parseToListWebview } from '../../src/webview/listsProtocol';

const report: ListPanelReport = {
  file: 'contacts.csv',
  rows: 3,
  statuses: { valid: 1, risky: 1, invalid: 1, duplicate: 0, unknown: 0 },
  level: 'danger',
  lines: ['Invalid addresses: 33.33%'],
  reasons: [{ code: 'role', count: 1 }],
  problems: [{ line: 2, address: '<img src=x onerror=alert(1)>@x.fr', status: 'invalid', message: 'The part before @ has characters' }],
  more: 0,
};

describe('list panel messages', () => {
  it('accepts a well-formed report, markup in addresses included (it is shown as text)', () => {
    assert.deepEqual(parseToListWebview({ type: 'report', report }), { type: 'report', report });
  });
  it('drops reports with a wrong shape or absurd sizes', () => {
    assert.equal(parseToListWebview({ type: 'report', report: { ...report, rows: -1 } }), undefined);
    assert.equal(parseToListWebview({ type: 'report', report: { ...report, statuses: { valid: 1 } } }), undefined);
    assert.equal(parseToListWebview({ type: 'report', report: { ...report, problems: [{ ...report.problems[0], status: 'pwned' }] } }), undefined);
    assert.equal(parseToListWebview({ type: 'report', report: { ...report, problems: Array(MAX_PANEL_PROBLEMS + 1).fill(report.problems[0]) } }), undefined);
    assert.equal(parseToListWebview({ type: 'report', report: { ...report, file: 'x'.repeat(5000) } }), undefined);
    assert.equal(parseToListWebview({ type: 'html', html: '<script>' }), undefined);
    assert.equal(parseToListWebview(null), undefined);
  });
  it('accepts only the three messages a page may send', () => {
    assert.deepEqual(parseFromListWebview({ type: 'rerun' }), { type: 'rerun' });
    assert.equal(parseFromListWebview({ type: 'copy', text: 'x' }), undefined);
    assert.equal(parseFromListWebview('ready'), undefined);
  });
});
