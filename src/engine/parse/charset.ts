/**
 * Decodes bytes in a declared charset with the platform's `TextDecoder` (WHATWG encodings:
 * UTF-8, ISO-8859-x, windows-125x, KOI8, Shift_JIS, GB18030…). Unknown labels fall back to
 * UTF-8 and invalid sequences become U+FFFD: a draft is never lost to a charset.
 */
export function decodeBytes(bytes: Uint8Array, charset = 'utf-8'): string {
  const label = charset.trim().toLowerCase().replace(/^"|"$/g, '') || 'utf-8';
  try {
    return new TextDecoder(label === 'us-ascii' || label === 'ascii' ? 'windows-1252' : label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** UTF-8 size of a string in bytes, without allocating. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
