import { defineRule } from '../rule';
import type { Severity } from '../types';

// Problems that change what readers see, or that filters score (SpamAssassin MISSING_MIME_HB_SEP,
// MISSING_SUBJECT, MISSING_FROM; rspamd BROKEN_CONTENT_TYPE, MISSING_MIME_VERSION), keep the
// configured severity; those a client recovers from without a visible difference are info.
const INFO = new Set([
  'noHeaders',
  'badHeaderLine',
  'rawHeaderText',
  'missingMimeVersion',
  'emptyMultipart',
  'unterminatedMultipart',
  'unknownCharset',
  'unknownEncoding',
  'badQuotedPrintable',
  'invalidBytes',
  'moreProblems',
]);

export const mimeStructure = defineRule({
  id: 'mime-structure',
  category: 'message',
  defaultSeverity: 'warning',
  weight: 0.3,
  fixable: false,
  kinds: ['eml'],
  check(ctx) {
    for (const p of ctx.model.problems) {
      const severity: Severity | undefined = INFO.has(p.code) ? 'info' : undefined;
      ctx.report({ start: p.start, end: p.end, message: ctx.t(`parse.${p.code}`, p.params), data: { code: p.code }, ...(severity ? { severity } : {}) });
    }
  },
});
