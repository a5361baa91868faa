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
  'impersonation', // a sender name that claims a brand its domain is not
  'custom', // added by the user
] as const;

/** Kind of a spam trigger phrase. */
export type PhraseCategory = (typeof PHRASE_CATEGORIES)[number];

/**
 * What kind of phrase an entry is, so that an alternative is offered only where it fits:
 * - `noun`: a noun phrase (`free trial`, `offre spéciale`); French ones carry an {@link Agreement};
 * - `adjective`: an adjective or adjective phrase (`risk-free`, `gratuit(e)(s)`);
 * - `verb`: a verb phrase, often an imperative (`act now`, `cliquez ici`);
 * - `adverb`: an adverbial or prepositional phrase (`for free`, `sans frais`, `today only`);
 * - `sentence`: a whole sentence or clause (`this is not spam`); offered only where the match
 *   stands as a sentence of its own.
 */
export type PhraseKind = 'noun' | 'adjective' | 'verb' | 'adverb' | 'sentence';

/** Kinds, for tests and docs. */
export const PHRASE_KINDS: readonly PhraseKind[] = ['noun', 'adjective', 'verb', 'adverb', 'sentence'];

/**
 * Gender of a French noun phrase's head noun, plus `p` when the phrase is always plural:
 * `m`, `f`, `mp`, `fp`. Otherwise the number follows the optional ending the text used.
 */
export type Agreement = 'm' | 'f' | 'mp' | 'fp';

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
  /** What kind of phrase this is; every built-in entry says. Alternatives are of the same kind unless `alternativeKinds` says otherwise. */
  kind?: PhraseKind;
  /** French noun phrases: the agreement of the phrase (and of its alternatives unless `alternativeAgreement` says otherwise). */
  agreement?: Agreement;
  /** French noun alternatives whose gender or number differs from the phrase's (`{ 'engagement(s)': 'm' }`). */
  alternativeAgreement?: Record<string, Agreement>;
  /**
   * Alternatives of another kind than the phrase, offered only where that kind fits: an
   * `adverb` alternative of an `adjective` phrase only after a verb (`it is free` → `it is
   * included at no extra cost`), not before a noun.
   */
  alternativeKinds?: Record<string, PhraseKind>;
}

/** A phrase a user adds in settings: a plain phrase or a full entry. */
export type PhraseInput = string | { phrase: string; alternatives?: string[]; category?: PhraseCategory; except?: string[] };
