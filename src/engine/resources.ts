import { parseUrl } from './html/url';

/**
 * Files next to the draft, as the host application sees them. The engine never touches the file
 * system or the network: the CLI implements this with `fs.statSync`, the VS Code extension with
 * its workspace file system. Remote resources are never fetched.
 */
export interface Resources {
  /**
   * Size in bytes of a local file, or undefined when it does not exist or cannot be read.
   * `path` is built by `resolveLocalPath`: the draft's `fileName` joined with the reference,
   * using the same separator as `fileName` (or an absolute path as written in the draft).
   * Called while linting, so it must answer synchronously and quickly (a stat, a cache lookup).
   */
  size(path: string): number | undefined;
}

/**
 * Resolves a reference to a local file (an image `src`) against the draft's file name, with
 * string logic only. Undefined for remote URLs, `data:` and `cid:` references, template
 * placeholders, and relative references of a draft without a file name.
 */
export function resolveLocalPath(fileName: string | undefined, ref: string): string | undefined {
  const value = ref.trim();
  if (!value) return undefined;
  const url = parseUrl(value);
  if (url.templated) return undefined;
  let path: string;
  if (url.scheme === 'file') {
    path = decode(value.slice(url.schemeEnd + 1).replace(/^\/\/[^/]*/, '').split(/[?#]/)[0]);
    if (/^\/[a-z]:[/\\]/i.test(path)) path = path.slice(1); // file:///C:/x → C:/x
    return path || undefined;
  }
  if (url.scheme.length === 1 && /^[a-z]:[/\\]/i.test(value)) return value; // C:\images\x.png
  if (url.scheme || value.startsWith('//')) return undefined; // remote, data:, cid:, mailto:…
  path = decode(value.split(/[?#]/)[0]);
  if (path.startsWith('/') || path.startsWith('\\')) return path;
  if (fileName === undefined) return undefined;
  const cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const dir = cut >= 0 ? fileName.slice(0, cut + 1) : '';
  const sep = fileName.includes('\\') && !fileName.includes('/') ? '\\' : '/';
  return normalize(dir + path, sep);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// Collapses `.` and `dir/..` segments; leading `..` of a relative path are kept.
function normalize(path: string, sep: string): string {
  const absolute = /^([/\\]|[a-z]:[/\\])/i.test(path);
  const out: string[] = [];
  for (const seg of path.split(/[/\\]/)) {
    if (seg === '.' || (seg === '' && out.length > 0)) continue;
    if (seg === '..') {
      if (absolute && out.length === 1) continue; // above the root
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
        continue;
      }
    }
    out.push(seg);
  }
  return out.join(sep);
}
