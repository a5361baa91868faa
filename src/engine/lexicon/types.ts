/** Kinds of spam trigger phrases; shown in messages so writers know why a phrase is risky. */
export type PhraseCategory =
  | 'money' // money, earnings, cash, prices
  | 'free' // free of charge offers
  | 'urgency' // act now, limited time
  | 'guarantee' // guarantees, no risk
  | 'sales' // pushy selling, discounts, calls to buy
  | 'prize' // winners, lotteries, gifts
  | 'scam' // too good to be true, advance fee, secrecy
  | 'finance' // credit, loans, debt, investment
  | 'health' // miracle cures, weight loss, pharmacy
  | 'exaggeration' // superlatives, hype
  | 'custom'; // added by the user

/** One lexicon entry. */
export interface LexiconEntry {
  /**
   * The phrase, with optional endings in parentheses for inflected forms:
   * `gratuit(e)(s)` matches gratuit, gratuite, gratuits and gratuites. Matching ignores case
   * and accents and only takes whole words.
   */
  phrase: string;
  category: PhraseCategory;
  /** One to three neutral rewordings, best first; the quick fix offers each. */
  alternatives: string[];
}

/** A phrase a user adds in settings: a plain phrase or a full entry. */
export type PhraseInput = string | { phrase: string; alternatives?: string[]; category?: PhraseCategory };
