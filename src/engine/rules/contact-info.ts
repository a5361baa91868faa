import { draftAnchor, isBlank, transactionalFix } from '../mail/bulk';
import type { BodyPart } from '../model';
import { defineRule } from '../rule';
import { mergeTags } from '../text/merge-tags';

// Case-insensitive Unicode patterns get no quick scan for their first character from the
// regex engine: tried at every position of a long text, the streets and the postal boxes took
// most of the rule's time. Those patterns carry where a match can start, and are tried there only
// (sticky, so `\b` still sees the character before):
// - `digits`: the pattern starts with `\b`, then `min` to `max` digits and a non-digit, so a
//   match starts on the first digit of a run of digits (`\b\d`: no boundary between two digits)
//   of such a length. The runs are found once for all these patterns.
// - `startsAt`: for a postal box, a `p` followed by a full stop, a space or an `o`, or `bo` (no
//   other character case-folds to b, o or p).
const DIGIT_RUN = /\d+/g;
const BOX_START = /p[.\so]|bo/gi;

interface ContactPattern {
  re: RegExp;
  /** The lengths of the run of digits a match starts on, when it starts on one. */
  digits?: { min: number; max: number };
  /** Where a match can start, when the pattern is worth trying only there. */
  startsAt?: RegExp;
  /**
   * The lengths of digit runs a match holds one of (`runLengths`): the pattern is not tried on
   * a text without such a run. Each length is read off the pattern: a `\d{n}` between a
   * non-digit and a boundary or a non-digit spans a whole run.
   */
  runs?: number;
}

// Bit k - 1 stands for runs of k digits, the last bit for runs of 8 and more.
const LONG_RUN = 8;
function runLengths(min: number, max = LONG_RUN): number {
  let bits = 0;
  for (let k = min; k <= Math.min(max, LONG_RUN); k++) bits |= 1 << (k - 1);
  return bits;
}

// What identifies a sender in a footer (CAN-SPAM 15 U.S.C. 7704(a)(5)(A)(iii): "a valid physical
// postal address"; CPCE art. L34-5: the advertiser's identity and a valid contact address).
const CONTACT_PATTERNS: ContactPattern[] = [
  // French street: "12 bis, rue de la Paix", "3 av. Foch", "ZI des Paluds"
  { re: /\b\d{1,4}(?:\s?(?:bis|ter|[a-d]))?,?\s+(?:av\.|(?:rue|avenue|bd|boulevard|bld|place|all[ée]e|chemin|impasse|quai|route|cours|square|voie|passage|faubourg|parvis|esplanade|rond-point|lieu-dit|r[ée]sidence|hameau|cit[ée]|promenade|villa)\b)/iu, digits: { min: 1, max: 4 } },
  // French postcode and town: "75008 Paris", "69002 LYON CEDEX 02". A match from the F of
  // "F-75008" has one from the 7 too (`\b` after the hyphen), so trying the digits is enough.
  { re: /\b(?:F-)?\d{5}\s+(?:\p{Lu}[\p{L}'’-]+|cedex)/u, digits: { min: 5, max: 5 } },
  // French postal box: "BP 123", "CS 30001"
  { re: /\b(?:BP|CS|TSA)\s?\d{2,6}\b/u, runs: runLengths(2, 6) },
  // English street: "1600 Amphitheatre Parkway", "221B Baker Street", "500 W 5th St."
  // regex-audit: safe, from each digit that starts a word it reads at most five words, each of which ends at whitespace and cannot give any back
  { re: /\b\d{1,6}[A-Za-z]?\s+(?:[\p{L}\d.'’-]+\s+){0,4}(?:street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|way|court|ct\.?|place|pl\.?|square|sq\.?|parkway|pkwy\.?|highway|hwy\.?|suite|terrace|circle|plaza)(?=[\s,.]|$)/iu, digits: { min: 1, max: 6 } },
  // US state and ZIP code: "CA 94043", "NY 10001-1234"
  { re: /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/u, runs: runLengths(5, 5) },
  // UK postcode: "SW1A 1AA", "EC1V 9HX"
  { re: /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/u, runs: runLengths(1, 1) },
  // Postal boxes: "P.O. Box 123", "PO Box", "Postfach"
  { re: /\b(?:P\.?\s?O\.?\s?Box|Postfach|bo[iî]te postale)\b/iu, startsAt: BOX_START },
  // French phone: "01 23 45 67 89", "+33 (0)1 23 45 67 89", "01.23.45.67.89"
  { re: /(?:\+33\s?(?:\(0\)\s?)?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/u, runs: runLengths(2) },
  // International phone: "+44 20 7946 0958", "+1 (555) 123-4567"
  { re: /\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}\b/u, runs: runLengths(2) },
  // North American phone: "(555) 123-4567", "555-123-4567"
  { re: /(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/u, runs: runLengths(4, 4) },
];
// ESP merge tags that print the sender's address: Mailchimp *|LIST:ADDRESSLINE|*,
// *|HTML:LIST_ADDRESS_HTML|*, {{company_address}}, [[SENDER_ADDRESS]], {$sender_address}…
const ADDRESS_TAG = /addr|adresse|postal|physical/i;
// SendGrid's single-bracket tags ([Sender_Address], [Sender_City]) stay in the visible text; a
// tag is one identifier, so a placeholder to fill in ("[Company name, postal address]") is not one.
// The tag is matched whole, then its name is searched: `[A-Za-z_]*(?:addr…)[A-Za-z_]*\]` retried
// the rest of a long `[ADDRADDR…` run after every `addr` in it.
const BRACKET_TAG = /\[([A-Za-z_]*)\]/g;
const ADDRESS_NAME = /addr|adresse|postal/i;

function hasBracketAddressTag(text: string): boolean {
  for (const m of text.matchAll(BRACKET_TAG)) if (ADDRESS_NAME.test(m[1])) return true;
  return false;
}

// Senders put their address in the footer: looking at the end first spares scanning a long
// newsletter with ten patterns when the footer has it.
const FOOTER_CHARS = 4000;

function sticky(re: RegExp): RegExp {
  // regex-audit: safe, a sticky copy of a CONTACT_PATTERNS literal, audited above; the flag only anchors it where `startsAt` points
  return new RegExp(re.source, `${re.flags}y`);
}

// `re.test(text)`, trying `re` only at the places `starts` finds.
function testAt(text: string, sticky: RegExp, starts: RegExp): boolean {
  starts.lastIndex = 0;
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    sticky.lastIndex = m.index;
    if (sticky.test(text)) return true;
  }
  return false;
}

// The patterns tried on the runs of digits, with a sticky copy of each; the others, those tried
// where `startsAt` finds a start with a sticky copy.
const DIGIT_LED = CONTACT_PATTERNS.filter((p) => p.digits).map(({ re, digits }) => ({ re: sticky(re), ...digits! }));
const LONGEST_RUN = Math.max(...DIGIT_LED.map((p) => p.max));
const PATTERNS = CONTACT_PATTERNS.filter((p) => !p.digits).map(({ re, startsAt, runs }) => ({ re: startsAt ? sticky(re) : re, startsAt, runs }));

// The lengths of the runs of digits the last `digitLedMatch` saw (all of them when it found none).
let runsSeen = 0;

// Whether a digit-led pattern matches: one pass over the runs of digits for all of them.
function digitLedMatch(text: string): boolean {
  runsSeen = 0;
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    const length = m[0].length;
    runsSeen |= 1 << (Math.min(length, LONG_RUN) - 1);
    if (length > LONGEST_RUN) continue;
    for (const p of DIGIT_LED) {
      if (length < p.min || length > p.max) continue;
      p.re.lastIndex = m.index;
      if (p.re.test(text)) return true;
    }
  }
  return false;
}

function mentionsContact(text: string): boolean {
  if (digitLedMatch(text)) return true;
  const runs = runsSeen;
  return (
    PATTERNS.some(({ re, startsAt, runs: needed }) => (needed === undefined || (runs & needed) !== 0) && (startsAt ? testAt(text, re, startsAt) : re.test(text))) ||
    hasBracketAddressTag(text)
  );
}

function hasContact(part: BodyPart, source: string): boolean {
  const text = part.text.text;
  if (text.length > FOOTER_CHARS && mentionsContact(text.slice(-FOOTER_CHARS))) return true;
  if (mentionsContact(text)) return true;
  return mergeTags(part.text, source).some((tag) => ADDRESS_TAG.test(tag.raw));
}

export const contactInfo = defineRule({
  id: 'contact-info',
  category: 'bulk',
  defaultSeverity: 'warning',
  // A legal requirement more than a filter signal: it weighs less than a missing unsubscribe link.
  weight: 0.5,
  fixable: false,
  hasSuggestions: true,
  bulkOnly: true,
  check(ctx) {
    const { model } = ctx;
    if (isBlank(model) || model.parts.some((p) => hasContact(p, model.source))) return;
    const fix = transactionalFix(model, ctx.t);
    ctx.report({ ...draftAnchor(model), message: ctx.t('contact-info.missing'), fixes: fix ? [fix] : [] });
  },
});
