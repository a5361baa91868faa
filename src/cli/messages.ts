import type { Locale } from '../engine/types';

/** Strings of the command line itself (rule messages come from the engine). */
const en = {
  usage: `Usage: mailproof <command> [options]

Commands:
  lint [options] FILE|DIR...     Check email drafts (.html, .eml, .txt, .mjml…) for spam signals
  check DOMAIN|ADDRESS [options] Check a sending domain: SPF, DKIM, DMARC, MX, rDNS, blocklists, SMTP
  build DRAFT > message.eml      Write the message a draft becomes (text part, headers, optional DKIM)
  score DRAFT [options]          Score that message with a local SpamAssassin (spamd) or Rspamd
  send --to ADDRESS DRAFT        Send it through your SMTP server as a test
  list [options] FILE...         Check recipient lists (CSV, text): invalid, risky and duplicate addresses

Lint options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Use this configuration instead of the nearest .mailproofrc.json
  --locale en|fr             Language of the messages (default: from LANG)
  --fix                      Apply the fixes (safe edits only) and write the files
  --fix-type fix,suggestion  What --fix and --fix-dry-run apply: fix (default), suggestion
                             (also the first suggestion of each finding: rewords your text)
  --fix-dry-run              Print the changes --fix would make as a unified diff; write nothing
  --min-severity info|warning|error
                             Report only findings of this severity or higher (default: info)
  --quiet                    Report errors only (same as --min-severity error)
  --max-warnings N           Exit 1 when more than N warnings are found, shown or not
  --fail-on-score S|likelySpam
                             Also exit 1 when a draft's spam score reaches S (0–10), or when it is likely spam
  --max-file-size KB         Skip files larger than this, saying so (default: 25600, 25 MB)

Folders are searched for drafts that look like email (not web pages) and are not ignored by
a .mailproofignore file or the "ignore" list of .mailproofrc.json.

Run "mailproof check --help" and "mailproof list --help" for their options.
Exit codes: 0 no error-severity finding (and no more warnings than --max-warnings), 1 some,
2 bad usage or unreadable input.`,
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
  notRegular: '{file}: not a regular file (FIFO, device or socket), not read',
  tooLarge: '{file}: {size} is over the {max} read limit, not linted (--max-file-size)',
  badMaxFileSize: 'invalid --max-file-size “{value}”; give a size in KB, such as 25600',
  fixSkippedChanged: '{file}: not fixed, the file changed on disk while it was linted',
  configInvalidJson: '{file}: not valid JSON ({reason})',
  configProblem: '{file}: {problem}',
  fixSkippedEncoding: '{file}: not fixed, the file is not valid UTF-8 and rewriting it would lose bytes',
  fixed: '{file}: {fixes} applied',
  summary: '{files} checked: {errors}, {warnings}, {infos}',
  fileSummary: '{file}: {errors}, {warnings}, {infos}',
  hidden: '{findings} below {severity} not shown',
  tooManyWarnings: '{warnings} found; --max-warnings allows {max}',
  skipped: '{file}: {reason}',
  badMaxWarnings: '--max-warnings needs a whole number of 0 or more, not “{value}”',
  badSeverity: 'unknown severity “{value}”; use info, warning or error',
  badFixType: 'unknown fix type “{value}”; use fix, suggestion or both separated by a comma',
  fixTypeAlone: '--fix-type needs --fix or --fix-dry-run',
  score: 'Spam score {score} for {file} (5 or more: likely spam)',
  scoreVerdict: 'Spam score {score} for {file}: {verdict}; {type}',
  scoreRaisedBy: '  raised by: {list}',
  badFailOnScore: 'invalid --fail-on-score “{value}”; use a number from 0 to 10 or likelySpam',
  noProblems: 'No problems found',
  crashed: 'internal error: {reason}. Please report it with the file that caused it.',
  spellingUnavailable: 'spelling is not checked: the dictionaries could not be loaded ({reason})',
  grammarUnavailable: 'grammar is not checked: {reason}',
  checkUsage: `Usage: mailproof check DOMAIN|ADDRESS [options]

Checks that a sending domain and its servers are set up so receivers trust them:
sender, MX, SPF, DKIM, DMARC, reverse DNS, IP and domain blocklists, SMTP, MTA-STS, TLS-RPT, BIMI.

Options:
  --ip IP                      A sending IP (repeatable); default: the SMTP server's, else the MX hosts'
  --selector SEL               A DKIM selector (repeatable); default: common selectors are tried
  --smtp HOST[:PORT]           The SMTP submission server to test
  --smtp-security ssl|starttls|none
                               How the server is used (default from the port: 465 ssl, 587 starttls, 25 none)
  --dns HOST[:PORT]            Send every DNS query, blocklists included, to this server (repeatable)
  --ip-blocklists Z1,Z2        IP blocklist zones instead of the defaults
  --domain-blocklists Z1,Z2    Domain blocklist zones instead of the defaults
  --timeout MS                 Time budget for all checks together (default: 10000)
  --format text|json|markdown  Output format (default: text)
  --locale en|fr               Language of the messages (default: from LANG)

Exit codes: 0 nothing failed, 1 a check failed or could not be determined, 2 bad usage.`,
  checkNoTarget: 'no domain or address given; run “mailproof check --help”',
  checkTooManyTargets: 'one domain or address at a time (got {count})',
  checkBadSmtp: '“{value}” is not HOST or HOST:PORT',
  checkBadSmtpSecurity: 'unknown SMTP security “{value}”; use ssl, starttls or none',
  checkSecurityWithoutSmtp: '--smtp-security needs --smtp',
  checkBadTimeout: '“{value}” is not a time in milliseconds',
};

const fr: typeof en = {
  usage: `Usage : mailproof <commande> [options]

Commandes :
  lint [options] FICHIER|DOSSIER...   Vérifie des brouillons d’e-mails (.html, .eml, .txt, .mjml…)
  check DOMAINE|ADRESSE [options]     Vérifie un domaine d’envoi : SPF, DKIM, DMARC, MX, rDNS, listes de blocage, SMTP
  build BROUILLON > message.eml       Écrit le message que devient un brouillon (partie texte, en-têtes, DKIM)
  score BROUILLON [options]           Fait évaluer ce message par un SpamAssassin (spamd) ou un Rspamd locaux
  send --to ADRESSE BROUILLON         L’envoie comme test par votre serveur SMTP
  list [options] FICHIER...           Vérifie des listes de destinataires (CSV, texte) : adresses invalides, à risque, doublons

Options de lint :
  --format text|json|sarif   Format de sortie (par défaut : text)
  --config FICHIER           Utilise cette configuration au lieu du .mailproofrc.json le plus proche
  --locale en|fr             Langue des messages (par défaut : selon LANG)
  --fix                      Applique les corrections (sûres uniquement) et réécrit les fichiers
  --fix-type fix,suggestion  Ce qu’appliquent --fix et --fix-dry-run : fix (par défaut), suggestion
                             (aussi la première suggestion de chaque problème : reformule votre texte)
  --fix-dry-run              Affiche sous forme de diff unifié ce que --fix changerait ; n’écrit rien
  --min-severity info|warning|error
                             N’affiche que les problèmes de cette gravité ou plus (par défaut : info)
  --quiet                    N’affiche que les erreurs (comme --min-severity error)
  --max-warnings N           Code de sortie 1 au-delà de N avertissements, affichés ou non
  --fail-on-score S|likelySpam
                             Sort aussi avec 1 quand le score de spam d’un brouillon atteint S (0–10), ou quand c’est un spam probable
  --max-file-size Ko         Ignore les fichiers plus gros, en le disant (défaut : 25600, 25 Mo)

Dans les dossiers, seuls les brouillons qui ressemblent à des e-mails (pas à des pages web) sont
analysés, hors fichiers exclus par un .mailproofignore ou la liste « ignore » de .mailproofrc.json.

Lancez « mailproof check --help » et « mailproof list --help » pour leurs options.
Codes de sortie : 0 aucune erreur (et pas plus d’avertissements que --max-warnings), 1 sinon,
2 usage incorrect ou fichier illisible.`,
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
  notRegular: '{file} : pas un fichier ordinaire (FIFO, périphérique ou socket), non lu',
  tooLarge: '{file} : {size} dépasse la limite de lecture de {max}, non analysé (--max-file-size)',
  badMaxFileSize: '--max-file-size « {value} » invalide ; indiquez une taille en Ko, par exemple 25600',
  fixSkippedChanged: '{file} : non corrigé, le fichier a changé sur le disque pendant l’analyse',
  configInvalidJson: '{file} : JSON invalide ({reason})',
  configProblem: '{file} : {problem}',
  fixSkippedEncoding: '{file} : non corrigé, le fichier n’est pas en UTF-8 valide et le réécrire perdrait des octets',
  fixed: '{file} : {fixes}',
  summary: '{files} : {errors}, {warnings}, {infos}',
  fileSummary: '{file} : {errors}, {warnings}, {infos}',
  hidden: '{findings}',
  tooManyWarnings: '{warnings} trouvés ; --max-warnings en autorise {max}',
  skipped: '{file} : {reason}',
  badMaxWarnings: '--max-warnings attend un nombre entier positif ou nul, pas « {value} »',
  badSeverity: 'gravité inconnue « {value} » ; utilisez info, warning ou error',
  badFixType: 'type de correction inconnu « {value} » ; utilisez fix, suggestion ou les deux séparés par une virgule',
  fixTypeAlone: '--fix-type demande --fix ou --fix-dry-run',
  score: 'Score de spam {score} pour {file} (5 ou plus : spam probable)',
  scoreVerdict: 'Score de spam {score} pour {file} : {verdict} ; {type}',
  scoreRaisedBy: '  monté par : {list}',
  badFailOnScore: '--fail-on-score « {value} » invalide ; utilisez un nombre de 0 à 10 ou likelySpam',
  noProblems: 'Aucun problème trouvé',
  crashed: 'erreur interne : {reason}. Merci de la signaler avec le fichier en cause.',
  spellingUnavailable: 'orthographe non vérifiée : les dictionnaires n’ont pas pu être chargés ({reason})',
  grammarUnavailable: 'grammaire non vérifiée : {reason}',
  checkUsage: `Usage : mailproof check DOMAINE|ADRESSE [options]

Vérifie qu’un domaine d’envoi et ses serveurs sont configurés pour que les destinataires leur fassent confiance :
expéditeur, MX, SPF, DKIM, DMARC, DNS inverse, listes de blocage d’IP et de domaines, SMTP, MTA-STS, TLS-RPT, BIMI.

Options :
  --ip IP                      Une IP d’envoi (répétable) ; par défaut : celles du serveur SMTP, sinon des hôtes MX
  --selector SÉL               Un sélecteur DKIM (répétable) ; par défaut : les sélecteurs courants sont essayés
  --smtp HÔTE[:PORT]           Le serveur SMTP de soumission à tester
  --smtp-security ssl|starttls|none
                               Mode d’utilisation du serveur (par défaut selon le port : 465 ssl, 587 starttls, 25 none)
  --dns HÔTE[:PORT]            Envoie toutes les requêtes DNS, listes de blocage comprises, à ce serveur (répétable)
  --ip-blocklists Z1,Z2        Zones de listes de blocage d’IP à la place de celles par défaut
  --domain-blocklists Z1,Z2    Zones de listes de blocage de domaines à la place de celles par défaut
  --timeout MS                 Temps imparti à l’ensemble des vérifications (par défaut : 10000)
  --format text|json|markdown  Format de sortie (par défaut : text)
  --locale en|fr               Langue des messages (par défaut : selon LANG)

Codes de sortie : 0 aucun échec, 1 une vérification a échoué ou n’a pas pu aboutir, 2 usage incorrect.`,
  checkNoTarget: 'aucun domaine ni adresse indiqué ; lancez « mailproof check --help »',
  checkTooManyTargets: 'un seul domaine ou une seule adresse à la fois ({count} indiqués)',
  checkBadSmtp: '« {value} » n’est pas de la forme HÔTE ou HÔTE:PORT',
  checkBadSmtpSecurity: 'sécurité SMTP inconnue « {value} » ; utilisez ssl, starttls ou none',
  checkSecurityWithoutSmtp: '--smtp-security demande --smtp',
  checkBadTimeout: '« {value} » n’est pas une durée en millisecondes',
};

export type CliMessage = keyof typeof en;

// Counted words, singular and plural; `{n}` is the number. French puts 0 and 1 in the
// singular (Intl.PluralRules says "one" for both), English only 1.
const COUNTED = {
  en: {
    files: ['{n} file', '{n} files'],
    errors: ['{n} error', '{n} errors'],
    warnings: ['{n} warning', '{n} warnings'],
    infos: ['{n} info', '{n} info'],
    fixes: ['{n} fix', '{n} fixes'],
    hidden: ['{n} finding', '{n} findings'],
  },
  fr: {
    files: ['{n} fichier vérifié', '{n} fichiers vérifiés'],
    errors: ['{n} erreur', '{n} erreurs'],
    warnings: ['{n} avertissement', '{n} avertissements'],
    infos: ['{n} info', '{n} infos'],
    fixes: ['{n} correction appliquée', '{n} corrections appliquées'],
    hidden: ['{n} problème sous le niveau {severity} non affiché', '{n} problèmes sous le niveau {severity} non affichés'],
  },
} as const;

/** A counted word in the locale, with the right plural (`1 error`, `2 errors`, `0 erreur`). */
export function counted(locale: Locale, word: keyof (typeof COUNTED)['en'], n: number, params: Record<string, string> = {}): string {
  const [one, other] = COUNTED[locale][word];
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? one : other;
  return form.replace(/\{(\w+)\}/g, (m, k: string) => (k === 'n' ? String(n) : params[k] ?? m));
}

/** A command-line string in the locale, with `{placeholders}` filled. */
export function cliText(locale: Locale, key: CliMessage, params: Record<string, string | number> = {}): string {
  return (locale === 'fr' ? fr : en)[key].replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}
