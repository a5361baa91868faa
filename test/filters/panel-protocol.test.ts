// The "Test results" panel's messages are validated on both sides: what the webview may ask of
// the extension, and what the page accepts to show (strings from filters and SMTP servers).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PANEL_HITS, parseFromTestResults, parseToTestResults, type TestResultsState } from '../../src/webview/testResultsProtocol';

const strings: TestResultsState['strings'] = { title: 'Test results', running: 'Scoring…', mailproofScore: 'Mailproof score', points: 'Points', rule: 'Rule', description: 'Description', place: 'In the draft', located: 'Show', unlocated: 'not found', noHits: 'none', sendTitle: 'Test send', notesTitle: 'Built message', spam: 'spam', notSpam: 'not spam' };
const state = (over: Partial<TestResultsState> = {}): TestResultsState => ({
  strings,
  draft: 'promo.html',
  notes: [],
  filters: [{ filter: 'spamassassin', label: 'SpamAssassin', ok: true, isSpam: false, headline: 'SpamAssassin: 0.9 points', hits: [{ name: 'HTML_MESSAGE', score: 0, description: '<img src=x onerror=alert(1)>', located: true }] }],
  ...over,
});

describe('Test results panel protocol', () => {
  it('accepts only "ready" and an in-range "reveal" from the webview', () => {
    assert.deepEqual(parseFromTestResults({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromTestResults({ type: 'reveal', filter: 'rspamd', index: 3, extra: 'x' }), { type: 'reveal', filter: 'rspamd', index: 3 });
    for (const bad of [null, 'ready', { type: 'reveal', filter: 'spamassassin', index: -1 }, { type: 'reveal', filter: 'spamassassin', index: 1.5 }, { type: 'reveal', filter: 'other', index: 0 }, { type: 'reveal', filter: 'rspamd', index: MAX_PANEL_HITS }, { type: 'send' }, { type: 'copy', text: 'x' }]) {
      assert.equal(parseFromTestResults(bad), undefined, JSON.stringify(bad));
    }
  });

  it('accepts a well-formed state, markup in descriptions included (the page shows it as text)', () => {
    const m = parseToTestResults({ type: 'state', state: state() });
    assert.equal(m?.state.filters[0].hits[0].description, '<img src=x onerror=alert(1)>');
  });

  it('refuses states of the wrong shape or size', () => {
    const bad: unknown[] = [
      { type: 'state' },
      { type: 'state', state: { ...state(), draft: 42 } },
      { type: 'state', state: { ...state(), notes: [{}] } },
      { type: 'state', state: { ...state(), filters: [{ ...state().filters[0], filter: 'other' }] } },
      { type: 'state', state: { ...state(), filters: [{ ...state().filters[0], hits: [{ name: 'X', score: Number.NaN, description: '', located: false }] }] } },
      { type: 'state', state: { ...state(), filters: [{ ...state().filters[0], hits: Array.from({ length: MAX_PANEL_HITS + 1 }, () => ({ name: 'X', score: 1, description: '', located: false })) }] } },
      { type: 'state', state: { ...state(), send: { ok: true, lines: ['x'.repeat(5000)] } } },
      { type: 'state', state: { ...state(), strings: { ...strings, title: 7 } } },
    ];
    for (const b of bad) assert.equal(parseToTestResults(b), undefined, JSON.stringify(b).slice(0, 120));
  });
});
