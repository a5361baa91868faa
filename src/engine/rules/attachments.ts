import type { Attachment } from '../model';
import { defineRule } from '../rule';

// Google blocks these outright ("File types blocked in Gmail", support.google.com/mail/answer/6590),
// and Outlook's list of blocked attachments (Level 1) covers the same ground.
const EXECUTABLE = new Set([
  'ade', 'adp', 'apk', 'appx', 'appxbundle', 'bat', 'cab', 'chm', 'cmd', 'com', 'cpl', 'diagcab', 'diagcfg', 'diagpack', 'dll', 'dmg',
  'ex', 'ex_', 'exe', 'hta', 'img', 'ins', 'iso', 'isp', 'jar', 'jnlp', 'js', 'jse', 'lib', 'lnk', 'mde', 'mjs', 'msc', 'msi', 'msix',
  'msixbundle', 'msp', 'mst', 'nsh', 'pif', 'ps1', 'scr', 'sct', 'shb', 'sys', 'vb', 'vbe', 'vbs', 'vhd', 'vhdx', 'vxd', 'wsc', 'wsf', 'wsh', 'xll',
]);
// Office Open XML macro-enabled formats (ECMA-376 content types "...macroEnabled..."): Microsoft
// blocks macros in files from the internet by default since 2022, and gateways quarantine them.
const MACRO = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'xlsb', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm']);
const ARCHIVE = new Set(['zip', 'rar', '7z', 'tar', 'gz', 'tgz', 'bz2', 'tbz', 'xz', 'txz', 'zst', 'lz', 'lzh', 'lha', 'arj', 'ace', 'z', 'cpio', 'sit', 'sitx']);
const EXECUTABLE_TYPES = /^application\/(?:x-msdownload|x-dosexec|x-msdos-program|x-executable|x-ms-installer|x-msi|java-archive|x-java-archive|x-sh|hta|x-ms-shortcut)$/;
const MACRO_TYPES = /macroenabled/i;
const ARCHIVE_TYPES = /^application\/(?:zip|x-zip-compressed|x-rar-compressed|vnd\.rar|x-7z-compressed|gzip|x-gzip|x-tar|x-bzip2|x-xz)$/;

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9_]{1,12})\s*$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

function kindOf(a: Attachment): 'executable' | 'macro' | 'archive' | undefined {
  const ext = extensionOf(a.filename);
  if (EXECUTABLE.has(ext) || EXECUTABLE_TYPES.test(a.contentType)) return 'executable';
  if (MACRO.has(ext) || MACRO_TYPES.test(a.contentType)) return 'macro';
  if (ARCHIVE.has(ext) || ARCHIVE_TYPES.test(a.contentType)) return 'archive';
  return undefined;
}

const BYTES_PER_MB = 1024 * 1024;

export const attachments = defineRule({
  id: 'attachments',
  category: 'message',
  defaultSeverity: 'warning',
  weight: 0.5,
  fixable: false,
  kinds: ['eml'],
  options: {
    // Beyond a few files, deliverability guides (Mailjet, Brevo) advise sending a link; three is
    // the usual ceiling for a message readers are expected to open.
    maxCount: { type: 'integer', default: 3, minimum: 0 },
    // Attachments grow by a third in base64; 5 MB of files is about 7 MB on the wire, well under
    // the 10 MB many corporate servers accept and Gmail's 25 MB.
    maxTotalMB: { type: 'number', default: 5, minimum: 0 },
  },
  check(ctx) {
    const list = ctx.model.attachments;
    if (list.length === 0) return;
    for (const a of list) {
      const kind = kindOf(a);
      if (!kind) continue;
      const name = a.filename || a.contentType;
      ctx.report({ start: a.start, end: a.end, severity: kind === 'archive' ? 'info' : 'error', message: ctx.t(`attachments.${kind}`, { name }), data: { filename: a.filename, contentType: a.contentType } });
    }
    const attached = list.filter((a) => !a.inline);
    const { maxCount, maxTotalMB } = ctx.options;
    if (attached.length > maxCount) {
      const first = attached[maxCount];
      ctx.report({
        start: first.start,
        end: first.end,
        message: ctx.t('attachments.tooMany', { count: attached.length, max: maxCount }),
        related: attached.filter((a) => a !== first).map((a) => ({ start: a.start, end: a.end, message: ctx.t('attachments.related') })),
      });
    }
    const total = attached.reduce((n, a) => n + a.size, 0);
    if (total > maxTotalMB * BYTES_PER_MB) {
      const largest = attached.reduce((a, b) => (b.size > a.size ? b : a));
      ctx.report({
        start: largest.start,
        end: largest.end,
        message: ctx.t('attachments.tooLarge', { size: Math.round((total / BYTES_PER_MB) * 10) / 10, max: maxTotalMB }),
        related: attached.filter((a) => a !== largest).map((a) => ({ start: a.start, end: a.end, message: ctx.t('attachments.related') })),
      });
    }
  },
});
