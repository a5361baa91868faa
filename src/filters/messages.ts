// Strings of the "test deliverability" features (real filters, message builder, test send), shared
// by the CLI and the extension, in English and French.
import type { Locale } from '../engine/types';

const en = {
  // Nothing answers: how to get a filter running on the user's platform.
  'spamassassin.unreachable': 'SpamAssassin (spamd) is not answering at {where}',
  'spamassassin.install.linux': 'Install and start it: sudo apt install spamassassin && sudo systemctl enable --now spamd (Fedora: sudo dnf install spamassassin && sudo systemctl enable --now spamassassin). Or run it just for Mailproof, without network tests: spamd --local --listen=127.0.0.1:783',
  'spamassassin.install.darwin': 'Install and start it: brew install spamassassin && sa-update && spamd --local --listen=127.0.0.1:783 --daemonize',
  'spamassassin.install.win32': 'SpamAssassin has no Windows service: run it in WSL (sudo apt install spamassassin && sudo service spamd start), then point mailproof.filters.spamassassin.host to it',
  'rspamd.unreachable': 'Rspamd is not answering at {where}',
  'rspamd.install.linux': 'Install and start it: sudo apt install rspamd && sudo systemctl enable --now rspamd (its normal worker listens on localhost:11333)',
  'rspamd.install.darwin': 'Install and start it: brew install rspamd && rspamd (its normal worker listens on localhost:11333)',
  'rspamd.install.win32': 'Rspamd has no Windows build: run it in WSL (sudo apt install rspamd && sudo service rspamd start), then point mailproof.filters.rspamd.url to it',
  'filter.timeout': '{filter} gave no answer in time ({detail})',
  'filter.tooLarge': 'The message is too large to score ({detail})',
  'filter.protocol': '{filter} answered something Mailproof cannot read ({detail})',
  'rspamd.localNote': 'Without its network lookups (DNS blocklists, fuzzy hashes, reputation) a local Rspamd does not compute the score your recipients\' servers do: read the symbols first',
  'spamassassin.localNote': 'A spamd started with --local skips network tests (DNS blocklists, Razor, Pyzor): the score of a receiving server can be higher',
  'result.verdict': '{filter}: {score} points, threshold {threshold}: {verdict}',
  'result.spam': 'spam',
  'result.notSpam': 'not spam',
  'result.action': 'action “{action}”',
  'result.noHits': 'No rule matched',
  'result.unlocated': 'not found in the draft',
  'result.mailproofScore': 'Mailproof score: {score} (5 or more: likely spam)',
  // The message builder.
  'build.noSender': 'The draft has no sender: add a From header (or “from:” front matter), or set mailproof.sender',
  'build.tooLarge': 'The draft is too large to build a message from ({detail})',
  'build.noBody': 'The draft has no text or HTML body',
  'build.badDkimKey': 'The DKIM key cannot be used ({detail})',
  'note.textGenerated': 'Text part generated from the HTML',
  'note.listUnsubscribeFromLink': 'List-Unsubscribe taken from the unsubscribe link {detail}',
  'note.oneClickAdded': 'List-Unsubscribe-Post: List-Unsubscribe=One-Click added (RFC 8058); your unsubscribe URL must accept a POST',
  'note.attachmentsDropped': 'Attachments are not part of the built message: {detail}',
  'note.subjectFromTitle': 'Subject taken from the HTML <title>',
  // The test send.
  'send.ok': 'Sent to {to}. Server reply: {response}',
  'send.queueId': 'Queue id: {id}',
  'send.rejectedSome': 'Refused recipients: {to}',
  'send.noTls': 'Not sent: {detail}',
  'send.connect': 'Cannot reach the SMTP server {where} ({detail})',
  'send.tls': 'The SMTP server {where} has no valid TLS certificate for its name ({detail})',
  'send.auth': 'The SMTP server refused the login ({detail})',
  'send.rejected': 'The SMTP server refused the message ({detail})',
  'send.timeout': 'The SMTP server {where} stopped answering ({detail})',
  'send.other': 'The message was not sent ({detail})',
  // CLI.
  'cli.buildUsage': `Usage: mailproof build DRAFT [options] > message.eml

Writes the message the draft becomes: HTML with a text alternative, headers from the draft's
front matter or .eml headers, Date, Message-ID, List-Unsubscribe for bulk mail.

Options:
  --from ADDRESS         Sender when the draft has none
  --to ADDRESS           Recipient header when the draft has none
  --subject TEXT         Subject when the draft has none
  --transactional        Not bulk mail: no List-Unsubscribe
  --dkim-key FILE        Sign with this PEM private key (with --dkim-selector and --dkim-domain)
  --dkim-selector SEL
  --dkim-domain DOMAIN   Default: the From address's domain`,
  'cli.scoreUsage': `Usage: mailproof score DRAFT [options]

Builds the message and scores it with a local SpamAssassin (spamd) and/or Rspamd.

Options:
  --spamd HOST[:PORT]    spamd to ask (default: localhost:783)
  --rspamd URL           Rspamd normal worker to ask (default: none; http://localhost:11333 with --rspamd=default)
  --no-spamassassin      Ask Rspamd only
  --timeout MS           Time budget per filter (default: 20000)
  --format text|json
  plus the options of "mailproof build"

Exit codes: 0 not spam, 1 a filter says spam, 2 bad usage or no filter answered.`,
  'cli.sendUsage': `Usage: mailproof send --to ADDRESS [--to ADDRESS]... DRAFT --smtp HOST[:PORT] [options]

Builds the message and sends it through your SMTP server to the addresses given (at most 10).
The password comes from the MAILPROOF_SMTP_PASSWORD environment variable or, with
--password-stdin, from standard input; never from an argument.

Options:
  --smtp HOST[:PORT]               SMTP submission server
  --smtp-security ssl|starttls|none  Default from the port: 465 ssl, 587 starttls, 25 none
  --user NAME                      Login (a password is sent only over TLS)
  --password-stdin                 Read the password from standard input
  --timeout MS                     Default: 30000
  plus the options of "mailproof build"`,
  'cli.noDraft': 'no draft given; run “mailproof {command} --help”',
  'cli.oneDraft': 'one draft at a time (got {count})',
  'cli.noRecipient': 'no recipient: add --to ADDRESS',
  'cli.badRecipient': '“{value}” is not an email address',
  'cli.tooManyRecipients': 'at most {max} recipients for a test send',
  'cli.noSmtp': 'no SMTP server: add --smtp HOST[:PORT]',
  'cli.userWithoutPassword': '--user needs a password: set MAILPROOF_SMTP_PASSWORD or use --password-stdin',
  'cli.dkimIncomplete': '--dkim-key needs --dkim-selector',
  'cli.noFilter': 'no filter answered',
};

type Key = keyof typeof en;

const fr: Record<Key, string> = {
  'spamassassin.unreachable': 'SpamAssassin (spamd) ne répond pas sur {where}',
  'spamassassin.install.linux': 'Installez-le et démarrez-le : sudo apt install spamassassin && sudo systemctl enable --now spamd (Fedora : sudo dnf install spamassassin && sudo systemctl enable --now spamassassin). Ou lancez-le pour Mailproof seul, sans tests réseau : spamd --local --listen=127.0.0.1:783',
  'spamassassin.install.darwin': 'Installez-le et démarrez-le : brew install spamassassin && sa-update && spamd --local --listen=127.0.0.1:783 --daemonize',
  'spamassassin.install.win32': 'SpamAssassin n’existe pas en service Windows : lancez-le dans WSL (sudo apt install spamassassin && sudo service spamd start), puis indiquez-le dans mailproof.filters.spamassassin.host',
  'rspamd.unreachable': 'Rspamd ne répond pas sur {where}',
  'rspamd.install.linux': 'Installez-le et démarrez-le : sudo apt install rspamd && sudo systemctl enable --now rspamd (son worker normal écoute sur localhost:11333)',
  'rspamd.install.darwin': 'Installez-le et démarrez-le : brew install rspamd && rspamd (son worker normal écoute sur localhost:11333)',
  'rspamd.install.win32': 'Rspamd n’existe pas sous Windows : lancez-le dans WSL (sudo apt install rspamd && sudo service rspamd start), puis indiquez-le dans mailproof.filters.rspamd.url',
  'filter.timeout': '{filter} n’a pas répondu à temps ({detail})',
  'filter.tooLarge': 'Le message est trop gros pour être évalué ({detail})',
  'filter.protocol': '{filter} a répondu quelque chose que Mailproof ne sait pas lire ({detail})',
  'rspamd.localNote': 'Sans ses requêtes réseau (listes de blocage DNS, empreintes floues, réputation), un Rspamd local ne calcule pas le score des serveurs de vos destinataires : lisez d’abord les symboles',
  'spamassassin.localNote': 'Un spamd lancé avec --local saute les tests réseau (listes de blocage DNS, Razor, Pyzor) : le score d’un serveur de réception peut être plus élevé',
  'result.verdict': '{filter} : {score} points, seuil {threshold} : {verdict}',
  'result.spam': 'spam',
  'result.notSpam': 'pas du spam',
  'result.action': 'action « {action} »',
  'result.noHits': 'Aucune règle ne s’applique',
  'result.unlocated': 'introuvable dans le brouillon',
  'result.mailproofScore': 'Score Mailproof : {score} (5 ou plus : probablement du spam)',
  'build.noSender': 'Le brouillon n’a pas d’expéditeur : ajoutez un en-tête From (ou « from: » en front matter), ou réglez mailproof.sender',
  'build.tooLarge': 'Le brouillon est trop gros pour en construire un message ({detail})',
  'build.noBody': 'Le brouillon n’a pas de corps texte ou HTML',
  'build.badDkimKey': 'La clé DKIM est inutilisable ({detail})',
  'note.textGenerated': 'Partie texte générée à partir du HTML',
  'note.listUnsubscribeFromLink': 'List-Unsubscribe tiré du lien de désinscription {detail}',
  'note.oneClickAdded': 'List-Unsubscribe-Post: List-Unsubscribe=One-Click ajouté (RFC 8058) ; votre URL de désinscription doit accepter un POST',
  'note.attachmentsDropped': 'Les pièces jointes ne font pas partie du message construit : {detail}',
  'note.subjectFromTitle': 'Objet tiré du <title> HTML',
  'send.ok': 'Envoyé à {to}. Réponse du serveur : {response}',
  'send.queueId': 'Identifiant de file : {id}',
  'send.rejectedSome': 'Destinataires refusés : {to}',
  'send.noTls': 'Non envoyé : {detail}',
  'send.connect': 'Impossible de joindre le serveur SMTP {where} ({detail})',
  'send.tls': 'Le serveur SMTP {where} n’a pas de certificat TLS valide pour son nom ({detail})',
  'send.auth': 'Le serveur SMTP a refusé l’identification ({detail})',
  'send.rejected': 'Le serveur SMTP a refusé le message ({detail})',
  'send.timeout': 'Le serveur SMTP {where} ne répond plus ({detail})',
  'send.other': 'Le message n’a pas été envoyé ({detail})',
  'cli.buildUsage': `Usage : mailproof build BROUILLON [options] > message.eml

Écrit le message que devient le brouillon : HTML avec une alternative texte, en-têtes tirés du
front matter ou des en-têtes .eml, Date, Message-ID, List-Unsubscribe pour les envois en nombre.

Options :
  --from ADRESSE         Expéditeur si le brouillon n’en a pas
  --to ADRESSE           En-tête destinataire si le brouillon n’en a pas
  --subject TEXTE        Objet si le brouillon n’en a pas
  --transactional        Pas un envoi en nombre : pas de List-Unsubscribe
  --dkim-key FICHIER     Signer avec cette clé privée PEM (avec --dkim-selector et --dkim-domain)
  --dkim-selector SEL
  --dkim-domain DOMAINE  Par défaut : le domaine de l’adresse From`,
  'cli.scoreUsage': `Usage : mailproof score BROUILLON [options]

Construit le message et le fait évaluer par un SpamAssassin (spamd) et/ou un Rspamd locaux.

Options :
  --spamd HÔTE[:PORT]    spamd à interroger (par défaut : localhost:783)
  --rspamd URL           worker normal Rspamd à interroger (par défaut : aucun ; http://localhost:11333 avec --rspamd=default)
  --no-spamassassin      N’interroger que Rspamd
  --timeout MS           Délai par filtre (par défaut : 20000)
  --format text|json
  et les options de « mailproof build »

Codes de sortie : 0 pas du spam, 1 un filtre dit spam, 2 mauvais usage ou aucun filtre n’a répondu.`,
  'cli.sendUsage': `Usage : mailproof send --to ADRESSE [--to ADRESSE]... BROUILLON --smtp HÔTE[:PORT] [options]

Construit le message et l’envoie par votre serveur SMTP aux adresses données (10 au plus).
Le mot de passe vient de la variable d’environnement MAILPROOF_SMTP_PASSWORD ou, avec
--password-stdin, de l’entrée standard ; jamais d’un argument.

Options :
  --smtp HÔTE[:PORT]               Serveur SMTP de soumission
  --smtp-security ssl|starttls|none  Par défaut selon le port : 465 ssl, 587 starttls, 25 none
  --user NOM                       Identifiant (un mot de passe n’est envoyé que sous TLS)
  --password-stdin                 Lire le mot de passe sur l’entrée standard
  --timeout MS                     Par défaut : 30000
  et les options de « mailproof build »`,
  'cli.noDraft': 'aucun brouillon ; lancez « mailproof {command} --help »',
  'cli.oneDraft': 'un brouillon à la fois ({count} donnés)',
  'cli.noRecipient': 'aucun destinataire : ajoutez --to ADRESSE',
  'cli.badRecipient': '« {value} » n’est pas une adresse e-mail',
  'cli.tooManyRecipients': '{max} destinataires au plus pour un envoi de test',
  'cli.noSmtp': 'aucun serveur SMTP : ajoutez --smtp HÔTE[:PORT]',
  'cli.userWithoutPassword': '--user demande un mot de passe : réglez MAILPROOF_SMTP_PASSWORD ou utilisez --password-stdin',
  'cli.dkimIncomplete': '--dkim-key demande --dkim-selector',
  'cli.noFilter': 'aucun filtre n’a répondu',
};

export type FilterMessageKey = Key;
export const FILTER_MESSAGES: Record<Locale, Record<Key, string>> = { en, fr };

/** A message with `{name}` parameters filled in. */
export function filterText(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  const template = FILTER_MESSAGES[locale]?.[key] ?? en[key];
  return template.replace(/\{(\w{1,20})\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Where to get a filter running, for the platform Mailproof runs on. */
export function installHelp(locale: Locale, filter: 'spamassassin' | 'rspamd', platform: string = process.platform): string {
  const os = platform === 'darwin' || platform === 'win32' ? platform : 'linux';
  return filterText(locale, `${filter}.install.${os}` as Key);
}
