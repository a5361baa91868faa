import { formatNumber } from '../engine/i18n';
import type { Locale } from '../engine/types';
import { en } from './messages/en';
import { fr } from './messages/fr';

export type MessageKey = keyof typeof en;

const catalogues: Record<Locale, Record<string, string>> = { en, fr };

/**
 * A deliverability message in the locale with `{placeholders}` filled (numbers formatted for
 * the locale). With `optional`, a missing key gives "" instead of the key itself.
 */
export function msg(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}, optional = false): string {
  const template = catalogues[locale][key] ?? en[key];
  if (template === undefined) return optional ? '' : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

/** Both catalogues, for the consistency test. */
export const catalogueEntries = { en: en as Record<string, string>, fr: fr as Record<string, string> };
