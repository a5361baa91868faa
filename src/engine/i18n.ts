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
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 1 })));
  return f.format(n);
}

/** True when the key exists in the catalogue of the locale. */
export function hasMessage(locale: Locale, key: string): boolean {
  return key in catalogues[locale];
}

/** Every key of a catalogue (for tests and generators). */
export function messageKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}
