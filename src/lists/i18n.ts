import { formatNumber } from '../engine/i18n';
import type { Locale } from '../engine/types';
import { en } from './messages/en';
import { fr } from './messages/fr';

export type ListMessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

const catalogues: Record<Locale, Record<string, string>> = { en, fr };

/** A list message in the locale, `{placeholders}` filled (numbers formatted for the locale). */
export function listText(locale: Locale, key: ListMessageKey, params: Params = {}): string {
  const template = catalogues[locale][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
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
