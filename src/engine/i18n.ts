import { en } from './messages/en';
import { fr } from './messages/fr';
import type { Locale } from './types';

export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<string, string>> = { en, fr };

/** Reads a VS Code / POSIX locale tag (`fr-CA`, `fr_FR.UTF-8`) as one of the engine's locales. */
export function toLocale(tag: string | undefined): Locale {
  return tag && /^fr\b/i.test(tag.replace('_', '-')) ? 'fr' : 'en';
}

/**
 * Looks up a message and fills its `{placeholders}`. Numbers are formatted for the locale.
 * A missing French message falls back to English; a missing key shows the key itself.
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = catalogues[locale][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

const formatters = new Map<Locale, Intl.NumberFormat>();

/** Formats a number with at most one decimal for the locale (`2.5` / `2,5`). */
export function formatNumber(n: number, locale: Locale): string {
  // Scores and sizes below 1000 need no digit grouping: spelled here, they spare a one-shot
  // command the ICU number data (about 10 ms to load). Like Intl, this rounds the shortest
  // decimal spelling of the number half away from zero.
  const fast = n >= 0 && n < 999 ? oneDecimal(String(n)) : undefined;
  if (fast !== undefined) return locale === 'fr' ? fast.replace('.', ',') : fast;
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 1 })));
  return f.format(n);
}

// `12.34` → `12.3`, `0.15` → `0.2`, `3` → `3`; undefined for exponent spellings.
function oneDecimal(s: string): string | undefined {
  const dot = s.indexOf('.');
  if (dot < 0) return /^\d+$/.test(s) ? s : undefined;
  const frac = s.slice(dot + 1);
  if (!/^\d+$/.test(frac)) return undefined;
  let tenths = Number(s.slice(0, dot)) * 10 + (frac.charCodeAt(0) - 48);
  if (frac.length > 1 && frac.charCodeAt(1) >= 53) tenths++;
  const whole = Math.floor(tenths / 10);
  const digit = tenths % 10;
  return digit === 0 ? String(whole) : `${whole}.${digit}`;
}

/** True when the key exists in the catalogue of the locale. */
export function hasMessage(locale: Locale, key: string): boolean {
  return key in catalogues[locale];
}

/** Every key of a catalogue (for tests and generators). */
export function messageKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}
