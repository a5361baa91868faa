/**
 * Kinds of spam trigger phrases; shown in messages (`category.<kind>`) so writers know why a
 * phrase is risky.
 */
export const PHRASE_CATEGORIES = [
  'money', // money, earnings, cash, prices
  'free', // free of charge offers
  'urgency', // act now, limited time
  'guarantee', // guarantees, no risk
  'sales', // pushy selling, discounts, calls to buy
  'prize', // winners, lotteries, gifts
  'scam', // too good to be true, advance fee, secrecy
  'finance', // credit, loans, debt, investment
  'health', // miracle cures, weight loss, pharmacy
  'exaggeration', // superlatives, hype
  'custom', // added by the user
] as const;

/** Kind of a spam trigger phrase. */
export type PhraseCategory = (typeof PHRASE_CATEGORIES)[number];

/** One lexicon entry. */
export interface LexiconEntry {
  /**
   * The phrase, with optional endings in parentheses for inflected forms:
   * `gratuit(e)(s)` matches gratuit, gratuite, gratuits and gratuites; `(a|b)` offers several
   * endings. Matching ignores case and accents and only takes whole words; spaces and hyphens
   * between words are interchangeable (`risk-free` matches *risk free*).
   */
  phrase: string;
  category: PhraseCategory;
  /**
   * One to three neutral rewordings, best first; the quick fix offers each. An alternative may
   * use optional endings too: the n-th group takes the ending the text used for the phrase's
   * n-th group, so `gratuit(e)(s)` → `offert(e)(s)` turns *gratuites* into *offertes*; an
   * empty group `()` skips one of the phrase's groups (`sensationnel(le)(s)` →
   * `remarquable()(s)`).
   */
  alternatives: string[];
  /**
   * Longer phrases that contain this one and are not spam triggers, such as `feel free` or
   * `toll-free` for `free`. Same syntax as `phrase`; the entry does not match inside them.
   */
  except?: string[];
}

/** A phrase a user adds in settings: a plain phrase or a full entry. */
export type PhraseInput = string | { phrase: string; alternatives?: string[]; category?: PhraseCategory; except?: string[] };
