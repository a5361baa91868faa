import { fold } from '../text/normalize';

/**
 * Brands and public bodies that phishing mail pretends to be, with the mail domains they
 * really send from. A sender name that claims one of them from any other domain is brand
 * impersonation (SpamAssassin's FROM_PAYPAL_SPOOF and __FROM_ENCODED_QP-style rules, and the
 * brand-spoofing checks of Rspamd's phishing module, look at the same mismatch).
 *
 * `names` are matched as whole words in the folded display name; `labels` are the registrable
 * labels the brand owns (`paypal` covers paypal.com, paypal.fr, e.paypal.co.uk); `domains` are
 * other domains it sends from. Ordinary words that are also names (Chase, Meta, Orange, Free)
 * are left out: too many people and shops carry them.
 */
export interface Brand {
  brand: string;
  names: string[];
  labels: string[];
  domains?: string[];
}

export const BRANDS: readonly Brand[] = [
  { brand: 'PayPal', names: ['paypal'], labels: ['paypal'] },
  { brand: 'Amazon', names: ['amazon', 'amazon prime'], labels: ['amazon', 'amazonses'] },
  { brand: 'Apple', names: ['apple', 'apple id', 'icloud'], labels: ['apple', 'icloud'] },
  { brand: 'Microsoft', names: ['microsoft', 'office 365', 'microsoft 365', 'outlook'], labels: ['microsoft', 'outlook', 'office', 'office365', 'live', 'hotmail'] },
  { brand: 'Google', names: ['google', 'gmail'], labels: ['google', 'gmail', 'youtube'] },
  { brand: 'Netflix', names: ['netflix'], labels: ['netflix'] },
  { brand: 'Facebook', names: ['facebook'], labels: ['facebook', 'facebookmail', 'meta', 'fb'] },
  { brand: 'Instagram', names: ['instagram'], labels: ['instagram', 'facebookmail'] },
  { brand: 'DocuSign', names: ['docusign'], labels: ['docusign'] },
  { brand: 'DHL', names: ['dhl', 'dhl express'], labels: ['dhl'] },
  { brand: 'FedEx', names: ['fedex'], labels: ['fedex'] },
  { brand: 'UPS', names: ['ups'], labels: ['ups'] },
  { brand: 'USPS', names: ['usps'], labels: ['usps'] },
  { brand: 'Royal Mail', names: ['royal mail'], labels: ['royalmail'] },
  { brand: 'La Poste', names: ['la poste', 'colissimo'], labels: ['laposte', 'colissimo'] },
  { brand: 'Chronopost', names: ['chronopost'], labels: ['chronopost'] },
  { brand: 'Assurance Maladie', names: ['ameli', 'assurance maladie'], labels: ['ameli', 'assurance-maladie'] },
  { brand: 'impots.gouv.fr', names: ['impots', 'impots.gouv', 'impots.gouv.fr', 'dgfip', 'direction generale des finances publiques'], labels: ['impots', 'dgfip'], domains: ['finances.gouv.fr'] },
  { brand: 'CAF', names: ['caf', 'caisse d allocations familiales'], labels: ['caf'] },
  { brand: 'Mon Compte Formation', names: ['mon compte formation', 'moncompteformation', 'cpf'], labels: ['moncompteformation', 'caissedesdepots'] },
  { brand: 'ANTS', names: ['ants'], labels: ['ants'] },
  { brand: 'HMRC', names: ['hmrc'], labels: ['hmrc'] },
  { brand: 'IRS', names: ['irs', 'internal revenue service'], labels: ['irs'] },
  { brand: 'Wells Fargo', names: ['wells fargo'], labels: ['wellsfargo'] },
  { brand: 'Bank of America', names: ['bank of america'], labels: ['bankofamerica', 'bofa'] },
  { brand: 'La Banque Postale', names: ['banque postale'], labels: ['labanquepostale'] },
  { brand: 'Crédit Agricole', names: ['credit agricole'], labels: ['credit-agricole', 'ca-paris'] },
  { brand: 'BNP Paribas', names: ['bnp paribas'], labels: ['bnpparibas'] },
  { brand: 'Société Générale', names: ['societe generale'], labels: ['societegenerale', 'sg'] },
];

// Words with which a sender name speaks for a brand's service.
const SERVICE_WORDS = / (?:service|services|support|security|securite|team|equipe|account|accounts|compte|billing|facturation|notification|notifications|alert|alerte|customer|client|clients|assistance|delivery|livraison|suivi|tracking|no.?reply|noreply) /;

// Each brand's names as matched inside a padded name: ` name ` and ` the name `, made once.
const BRAND_NAMES = BRANDS.map((brand) => ({ brand, padded: brand.names.map((n) => ` ${n} `), withThe: brand.names.map((n) => ` the ${n} `) }));

// Two-level public suffixes under a country code: `co.uk`, `gouv.fr`, `com.au`.
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'gouv', 'ac', 'edu']);

/** The label a domain is registered under: `paypal` for e.paypal.co.uk, `impots` for impots.gouv.fr. */
export function registrableLabel(domain: string): string {
  const parts = domain.toLowerCase().replace(/\.$/, '').split('.');
  if (parts.length < 2) return parts[0] ?? '';
  const suffix = parts.length >= 3 && SECOND_LEVEL.has(parts[parts.length - 2]) && parts[parts.length - 1].length === 2 ? 2 : 1;
  return parts[parts.length - suffix - 1] ?? '';
}

/**
 * The brand a sender name claims when the address's domain is not the brand's, if any:
 * `"PayPal Service" <support@secure-pay.example>` claims PayPal.
 */
export function impersonatedBrand(displayName: string, domain: string): Brand | undefined {
  if (!displayName || !domain) return undefined;
  // Whole words of the folded name, punctuation as spaces: "PayPal-Service" → "paypal service".
  const name = ` ${fold(displayName).replace(/[^\p{L}\p{N}.]+/gu, ' ').trim()} `;
  // Read once, and only for a name that claims a brand (most claim none).
  let service: boolean | undefined;
  let label: string | undefined;
  const d = domain.toLowerCase();
  for (const b of BRAND_NAMES) {
    // The name speaks as the brand: it starts with it (`PayPal`, `Amazon Prime Billing`) or
    // pairs it with a service word (`Service client La Poste`). A name that only mentions it
    // (`Lockergnome Apple Core`, a newsletter about Apple) does not.
    if (!b.padded.some((n, k) => name.startsWith(n) || name.startsWith(b.withThe[k]) || (name.includes(n) && (service ??= SERVICE_WORDS.test(name))))) continue;
    label ??= registrableLabel(domain);
    if (b.brand.labels.includes(label)) continue;
    if (b.brand.domains?.some((x) => d === x || d.endsWith(`.${x}`))) continue;
    return b.brand;
  }
  return undefined;
}
