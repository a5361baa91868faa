// CSS colours reduced to `#rrggbb`, so `white`, `#FFF` and `rgb(255, 255, 255)` compare equal.

// The CSS Level 1 keywords plus the common extended ones used in email templates.
// A Map, not an object: `constructor` or `__proto__` in a style is not a colour.
const NAMED = new Map<string, string>(Object.entries({
  black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00',
  gray: '#808080', grey: '#808080', silver: '#c0c0c0', maroon: '#800000', navy: '#000080', purple: '#800080',
  teal: '#008080', olive: '#808000', lime: '#00ff00', aqua: '#00ffff', cyan: '#00ffff', fuchsia: '#ff00ff',
  magenta: '#ff00ff', orange: '#ffa500', whitesmoke: '#f5f5f5', snow: '#fffafa', ivory: '#fffff0',
  lightgray: '#d3d3d3', lightgrey: '#d3d3d3', darkgray: '#a9a9a9', darkgrey: '#a9a9a9', gainsboro: '#dcdcdc',
}));

const HEX_RE = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB_RE = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i;

function channel(v: string): number {
  const n = v.endsWith('%') ? (parseFloat(v) * 255) / 100 : parseFloat(v);
  return Math.max(0, Math.min(255, Math.round(n)));
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** A colour as `#rrggbb`, `transparent`, or undefined when it is not a plain colour. */
export function parseColor(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return 'transparent';
  const named = NAMED.get(v);
  if (named) return named;
  const hex = HEX_RE.exec(v);
  if (hex) {
    let h = hex[1];
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    if (h.length === 8) return h.endsWith('00') ? 'transparent' : `#${h.slice(0, 6)}`;
    return `#${h.slice(0, 6)}`;
  }
  const rgb = RGB_RE.exec(v);
  if (rgb) {
    if (rgb[4] !== undefined && parseFloat(rgb[4]) === 0) return 'transparent';
    return `#${hex2(channel(rgb[1]))}${hex2(channel(rgb[2]))}${hex2(channel(rgb[3]))}`;
  }
  return undefined;
}

/**
 * The background colour of a `background` shorthand (`#fff url(x.png) no-repeat`): the colour
 * token, or `image` when the shorthand paints an image (text over an image is not hidden).
 */
export function backgroundShorthandColor(value: string): string | undefined {
  if (/url\s*\(|gradient\s*\(/i.test(value)) return 'image';
  for (const token of value.match(/rgba?\([^)]*\)|#[0-9a-f]{3,8}\b|[a-z]+/gi) ?? []) {
    const c = parseColor(token);
    if (c) return c;
  }
  return undefined;
}
