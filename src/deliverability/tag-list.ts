import { type Detail, detail } from './detail';

export interface TagList {
  tags: Map<string, string>;
  /** Tag names in record order (the version tag must come first). */
  names: string[];
  errors: Detail[];
}

/**
 * Reads a `tag=value; tag=value` list, the syntax shared by DKIM key records (RFC 6376 §3.2),
 * DMARC (RFC 7489 §6.4), MTA-STS, TLS-RPT and BIMI. Whitespace around tags and values is
 * ignored; a trailing ";" is allowed. DKIM tag names are case-sensitive, DMARC's are not.
 */
export function parseTagList(text: string, lowercaseNames: boolean): TagList {
  const tags = new Map<string, string>();
  const names: string[] = [];
  const errors: Detail[] = [];
  const parts = text.split(';').map((p) => p.trim());
  if (parts.length && parts[parts.length - 1] === '') parts.pop();
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      errors.push(detail('detail.notTagValue', { part }));
      names.push('');
      continue;
    }
    const raw = part.slice(0, eq).trim();
    const name = lowercaseNames ? raw.toLowerCase() : raw;
    if (tags.has(name)) errors.push(detail('detail.tagTwice', { tag: name }));
    tags.set(name, part.slice(eq + 1).trim());
    names.push(name);
  }
  return { tags, names, errors };
}
