import { formatNumber } from '../engine/i18n';
import type { Locale } from '../engine/types';
import { en } from './messages/en';
import { fr } from './messages/fr';

export type ListMessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

const catalogues: Record<Locale, Record<string, string>> = { en, fr };

/**
 * A list message in the locale, `{placeholders}` filled (numbers formatted for the locale).
 * `{name:one|other}` picks the word that agrees with the number `name` (French puts 0 and 1 in
 * the singular, English only 1, as Intl.PluralRules says).
 */
export function listText(locale: Locale, key: ListMessageKey, params: Params = {}): string {
  const template = catalogues[locale][key] ?? en[key] ?? key;
  const plurals = new Intl.PluralRules(locale);
  // Linear: each class excludes the braces that end it, and `|` separates the two forms once.
  return template.replace(/\{(\w+)(?::([^{}|]*)\|([^{}|]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (one !== undefined && other !== undefined) return typeof v === 'number' && plurals.select(v) === 'one' ? one : (other as string);
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

/** A rate as a percentage with two decimals: `0.12%` / `0,12 %`. */
export function percent(rate: number, locale: Locale): string {
  const n = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate * 100);
  return locale === 'fr' ? `${n} %` : `${n}%`;
}

/** Both catalogues, for the consistency test. */
export const listCatalogues = { en: en as Record<string, string>, fr: fr as Record<string, string> };
