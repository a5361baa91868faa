// What exactly is wrong inside a record, as a message key and its values: parsers stay free of
// locale, and the checks render the detail in the user's language (`detail.*` messages).
import type { Locale } from '../engine/types';
import { type MessageKey, msg } from './i18n';

export interface Detail {
  key: DetailKey;
  params?: Record<string, string | number>;
  /** A more precise detail, rendered into the `{inner}` placeholder. */
  inner?: Detail;
}

export type DetailKey = Extract<MessageKey, `detail.${string}`>;

export function detail(key: DetailKey, params?: Record<string, string | number>): Detail {
  return params ? { key, params } : { key };
}

/** The detail as text; nested details (`inner`) are rendered first. */
export function renderDetail(locale: Locale, d: Detail): string {
  const params = { ...d.params };
  if (d.inner) params.inner = renderDetail(locale, d.inner);
  return msg(locale, d.key, params);
}

/** Base class of parser errors carrying a Detail; `message` is the English text (logs, tests). */
export class DetailError extends Error {
  constructor(readonly detail: Detail) {
    super(renderDetail('en', detail));
  }
}
