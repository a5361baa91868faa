import type { Locale } from '../engine/types';

/** Strings of the command line itself (rule messages come from the engine). */
const en = {
  usage: `Usage: mailproof <command> [options]

Commands:
  lint [options] FILE|DIR...     Check email drafts (.html, .eml, .txt, .mjml…) for spam signals
  check DOMAIN|ADDRESS [options] Check a sending domain: SPF, DKIM, DMARC, MX, rDNS, blocklists, SMTP

Lint options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Use this configuration instead of the nearest .mailproofrc.json
  --locale en|fr             Language of the messages (default: from LANG)
  --fix                      Apply the preferred fix of each finding and write the files
  --quiet                    Report errors only

Run "mailproof check --help" for the deliverability options.
Exit codes: 0 no error-severity finding, 1 some, 2 bad usage or unreadable input.`,
  unknownCommand: 'unknown command “{name}”; run “mailproof --help”',
  unknownOption: 'unknown option “{name}”; run “mailproof --help”',
  missingValue: 'option {name} needs a value',
  badFormat: 'unknown format “{value}”; use {allowed}',
  badLocale: 'unknown locale “{value}”; use en or fr',
  noFiles: 'no files given; run “mailproof lint --help”',
  notFound: '{file}: no such file or directory',
  unreadable: '{file}: cannot be read ({reason})',
  binary: '{file}: binary file, not linted',
  noDrafts: '{file}: no email drafts in this folder',
  configInvalidJson: '{file}: not valid JSON ({reason})',
  configProblem: '{file}: {problem}',
  fixSkippedEncoding: '{file}: not fixed, the file is not valid UTF-8 and rewriting it would lose bytes',
  fixed: '{file}: {count} fixes applied',
  summary: '{files} files checked: {errors} errors, {warnings} warnings, {infos} info',
  score: 'Spam score {score} for {file} (5 or more: likely spam)',
  noProblems: 'No problems found',
  crashed: 'internal error: {reason}. Please report it with the file that caused it.',
};

const fr: typeof en = {
  usage: `Usage : mailproof <commande> [options]

Commandes :
  lint [options] FICHIER|DOSSIER...   Vérifie des brouillons d’e-mails (.html, .eml, .txt, .mjml…)
  check DOMAINE|ADRESSE [options]     Vérifie un domaine d’envoi : SPF, DKIM, DMARC, MX, rDNS, listes de blocage, SMTP

Options de lint :
  --format text|json|sarif   Format de sortie (par défaut : text)
  --config FICHIER           Utilise cette configuration au lieu du .mailproofrc.json le plus proche
  --locale en|fr             Langue des messages (par défaut : selon LANG)
  --fix                      Applique la correction préférée de chaque problème et réécrit les fichiers
  --quiet                    N’affiche que les erreurs

Lancez « mailproof check --help » pour les options de délivrabilité.
Codes de sortie : 0 aucune erreur, 1 des erreurs, 2 usage incorrect ou fichier illisible.`,
  unknownCommand: 'commande inconnue « {name} » ; lancez « mailproof --help »',
  unknownOption: 'option inconnue « {name} » ; lancez « mailproof --help »',
  missingValue: 'l’option {name} attend une valeur',
  badFormat: 'format inconnu « {value} » ; utilisez {allowed}',
  badLocale: 'langue inconnue « {value} » ; utilisez en ou fr',
  noFiles: 'aucun fichier indiqué ; lancez « mailproof lint --help »',
  notFound: '{file} : fichier ou dossier introuvable',
  unreadable: '{file} : lecture impossible ({reason})',
  binary: '{file} : fichier binaire, non analysé',
  noDrafts: '{file} : aucun brouillon d’e-mail dans ce dossier',
  configInvalidJson: '{file} : JSON invalide ({reason})',
  configProblem: '{file} : {problem}',
  fixSkippedEncoding: '{file} : non corrigé, le fichier n’est pas en UTF-8 valide et le réécrire perdrait des octets',
  fixed: '{file} : {count} corrections appliquées',
  summary: '{files} fichiers vérifiés : {errors} erreurs, {warnings} avertissements, {infos} infos',
  score: 'Score de spam {score} pour {file} (5 ou plus : spam probable)',
  noProblems: 'Aucun problème trouvé',
  crashed: 'erreur interne : {reason}. Merci de la signaler avec le fichier en cause.',
};

export type CliMessage = keyof typeof en;

/** A command-line string in the locale, with `{placeholders}` filled. */
export function cliText(locale: Locale, key: CliMessage, params: Record<string, string | number> = {}): string {
  return (locale === 'fr' ? fr : en)[key].replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}
