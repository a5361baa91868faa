import type { en } from './en';

// Messages of the list checks and of `mailproof list`, in French.
export const fr: Record<keyof typeof en, string> = {
  'reason.empty': 'Aucune adresse sur cette ligne',
  'reason.missing-at': 'L’adresse n’a pas de @',
  'reason.multiple-at': 'L’adresse a plus d’un @',
  'reason.too-long': 'L’adresse fait {length} caractères ; la RFC 5321 en permet 254',
  'reason.local-too-long': 'La partie avant le @ fait {length} caractères ; la RFC 5321 en permet 64',
  'reason.local-invalid': 'La partie avant le @ contient des caractères, des espaces ou des points impossibles dans une adresse',
  'reason.domain-invalid': '« {domain} » n’est pas un nom de domaine valide',
  'reason.domain-literal': 'L’adresse désigne une adresse IP au lieu d’un domaine',
  'reason.syntax': 'L’adresse n’est pas valide (RFC 5322)',
  'reason.unknown-tld': '« .{tld} » n’est pas une extension de domaine enregistrée',
  'reason.typo-domain': '« {domain} » ressemble à une faute de frappe pour {suggestion}',
  'reason.disposable': '« {domain} » est un service d’adresses jetables',
  'reason.role': '« {local}@ » est une adresse de fonction, pas une personne : elle s’abonne rarement et se plaint souvent',
  'reason.trap-role': '« {local}@ » est lue par les équipes anti-abus et se comporte comme un piège à spam',
  'reason.duplicate': 'Même boîte aux lettres que la ligne {first}',
  'reason.no-domain': 'Le domaine « {domain} » n’existe pas (NXDOMAIN)',
  'reason.null-mx': '« {domain} » n’accepte aucun courrier (MX nul, RFC 7505)',
  'reason.no-mx-a': '« {domain} » n’a pas d’enregistrement MX ; le courrier irait à son enregistrement d’adresse',
  'reason.no-mail-host': '« {domain} » n’a ni MX ni enregistrement d’adresse : le courrier ne peut pas être distribué',
  'reason.dns-failed': 'La requête DNS pour « {domain} » a échoué ({code})',

  'status.valid': 'valide',
  'status.risky': 'à risque',
  'status.invalid': 'invalide',
  'status.duplicate': 'doublon',
  'status.unknown': 'inconnu',

  'input.notFound': '{file} : fichier ou dossier introuvable',
  'input.unreadable': '{file} : lecture impossible ({reason})',
  'input.binary': '{file} : fichier binaire, pas une liste d’adresses',
  'input.utf16': '{file} : texte UTF-16 ; enregistrez la liste en UTF-8 (CSV UTF-8) puis recommencez',
  'input.tooManyColumns': '{file} : la ligne {line} a {count} colonnes ; {max} au plus sont lues',
  'input.unterminatedQuote': '{file} : le champ entre guillemets ouvert ligne {line} n’est pas fermé après {max} lignes',
  'input.changed': '{file} : le fichier a changé pendant sa lecture',
  'input.noColumn': '{file} : aucune colonne nommée « {column} » (colonnes : {columns})',
  'input.badColumnNumber': '{file} : la colonne {column} n’existe pas (le fichier en a {count})',
  'input.empty': '{file} : aucune ligne',
  'warning.lineTooLong': 'La ligne {line} dépasse {max} et a été ignorée ({size} ou plus)',
  'warning.encoding': 'Lignes lues en Windows-1252 car elles ne sont pas en UTF-8 valide : {count} (première : ligne {line})',
  'warning.noAddressColumn': 'Aucune colonne ne ressemble à des adresses e-mail ; la colonne {column} a été lue',

  'summary.rows': '{rows} {rows:ligne|lignes} : {valid} {valid:valide|valides}, {risky} à risque, {invalid} {invalid:invalide|invalides}, {duplicate} {duplicate:doublon|doublons}, {unknown} {unknown:inconnue|inconnues}',
  'summary.column': 'Adresses lues dans la colonne {column}',
  'summary.rate.ok': 'Adresses invalides : {rate} (moins de {warn} : correct)',
  'summary.rate.warning': 'Adresses invalides : {rate}, plus de {warn} : nettoyez la liste avant l’envoi, les destinataires comptent chaque rebond',
  'summary.rate.danger': 'Adresses invalides : {rate}, plus de {danger} : un envoi à cette liste risque d’être traité comme du spam et peut faire suspendre le compte',
  'summary.dns.skipped': 'Les domaines n’ont pas été interrogés (--no-dns) : les domaines inexistants ou sans serveur de courrier ne sont pas détectés',
  'summary.dns.done': '{domains} {domains:domaine interrogé|domaines interrogés}',
  'summary.dns.failed': '{domains} {domains:domaine interrogé|domaines interrogés} ; impossibles à vérifier : {failed} (lignes marquées inconnues)',
  'summary.duplicates': 'Boîtes aux lettres listées plusieurs fois : {groups} ({rows} {rows:ligne|lignes} en trop)',
  'summary.reasons': 'Raisons :',
  'summary.clean': '{count} {count:ligne écrite|lignes écrites} dans {file}',
  'summary.suppressed': '{count} {count:ligne écrite|lignes écrites} dans {file}',
  'summary.noProblems': 'Aucun problème dans {file}',

  'history.jump': '{date} : {to} destinataires après {from} le {previous} (×{factor} ; ×{max} par jour au plus)',
  'history.plannedJump': 'Cette liste irait à {to} destinataires après {from} le {previous} (×{factor} ; ×{max} par jour au plus)',
  'history.ramp': 'Montée en charge : {steps}',
  'history.complaints.warning': '{date} : taux de plaintes {rate} ({complaints} sur {recipients}) ; Gmail et Yahoo demandent moins de 0,10 %',
  'history.complaints.danger': '{date} : taux de plaintes {rate} ({complaints} sur {recipients}) ; Gmail et Yahoo filtrent les expéditeurs qui atteignent 0,30 %',
  'history.bounces.warning': '{date} : taux de rebond {rate} ({bounces} sur {recipients}) ; restez sous 2 %',
  'history.bounces.danger': '{date} : taux de rebond {rate} ({bounces} sur {recipients}) ; au-delà de 5 % les services d’envoi examinent ou suspendent le compte',
  'history.ok': '{sends} envois : volume, plaintes et rebonds dans les limites',
  'history.badRow': '{file} : la ligne {line} n’est pas « date, destinataires[, rebonds, plaintes] »',
  'history.noColumns': '{file} : il faut une colonne de date et une de destinataires (trouvées : {columns})',
  'history.tooManyRows': '{file} : plus de {max} envois ; seuls les {max} premiers ont été lus',

  'cli.usage': `Usage : mailproof list [options] FICHIER...

Vérifie des listes de destinataires (CSV, texte, exports Mailchimp/Brevo/Mailjet) hors ligne :
syntaxe, doublons, fautes de frappe dans les domaines, extensions inexistantes, adresses
jetables, adresses de fonction, et le DNS de messagerie de chaque domaine. Aucune adresse ne
quitte la machine : seuls les noms de domaine sont interrogés.

Options :
  --format text|json          Format de sortie (par défaut : text) ; json : un document par fichier
  --column NOM|NUMÉRO         La colonne des adresses (par défaut : détectée)
  --no-dns                    N’interroge pas les domaines (MX, MX nul, enregistrements d’adresse)
  --dns HÔTE[:PORT]           Envoie les requêtes DNS à ce serveur (répétable)
  --write-clean FICHIER       Écrit les lignes à garder (toutes les colonnes) dans FICHIER
  --write-suppressed FICHIER  Écrit les autres lignes (toutes les colonnes) dans FICHIER
  --keep STATUTS              Statuts écrits dans le fichier propre (par défaut : valid,unknown)
  --history FICHIER           Envois passés (date, destinataires[, rebonds, plaintes]) à vérifier
  --max-growth FACTEUR        Hausse de volume maximale d’un jour à l’autre (par défaut : 2)
  --locale en|fr              Langue des messages (par défaut : selon LANG)

Statuts : valid, risky, invalid, duplicate, unknown.
Codes de sortie : 0 rien à retirer et aucune limite d’envoi dépassée, 1 sinon, 2 usage incorrect ou fichier illisible.`,
  'cli.badFormat': 'format inconnu « {value} » ; utilisez {allowed}',
  'cli.noFiles': 'aucune liste donnée ; lancez « mailproof list --help »',
  'cli.badKeep': '« {value} » n’est pas une liste de statuts (valid, risky, invalid, duplicate, unknown)',
  'cli.badGrowth': '« {value} » n’est pas un facteur de croissance supérieur à 1',
  'cli.exportsNeedOneFile': '--write-clean et --write-suppressed prennent une seule liste à la fois ({count} données)',
  'cli.exportIsInput': '{file} est la liste lue ; choisissez un autre fichier à écrire',
  'cli.sameExports': '--write-clean et --write-suppressed désignent le même fichier',
  'cli.badDns': '« {value} » n’est pas un serveur DNS joignable (utilisez HÔTE ou HÔTE:PORT, [IPv6]:PORT)',
  'cli.dnsConflict': '--no-dns et --dns ne peuvent pas être utilisés ensemble',
  'cli.cannotWrite': '{file} : écriture impossible ({reason})',
  'editor.tooLarge': 'Liste trop volumineuse pour une vérification en direct ({size} ; limite {max}) : lancez « Mailproof : Vérifier la liste de destinataires »',
  'editor.more': '{count} {count:autre ligne à problème n’est pas affichée|autres lignes à problème ne sont pas affichées} ici : lancez « Mailproof : Vérifier la liste de destinataires » pour le rapport',
  'editor.fix': 'Remplacer le domaine par {domain}',
  'editor.noList': 'Ouvrez une liste de destinataires (CSV ou texte) pour la vérifier',
  'editor.progress': 'Vérification de {file}…',
  'editor.progressDns': 'Interrogation de {count} domaines…',
  'editor.failed': 'La vérification de la liste n’a pas pu s’exécuter : {reason}',
  'editor.showOutput': 'Afficher la sortie',
  'panel.title': 'Liste de destinataires',
  'panel.running': 'Vérification de la liste et de ses domaines…',
  'panel.cancelled': 'Vérification annulée.',
  'panel.rerun': 'Vérifier à nouveau',
  'panel.cancel': 'Annuler',
  'panel.statusHeading': 'Lignes par statut',
  'panel.reasonsHeading': 'Raisons',
  'panel.problemsHeading': 'Lignes à examiner',
  'panel.line': 'Ligne',
  'panel.address': 'Adresse',
  'panel.status': 'Statut',
  'panel.reason': 'Pourquoi',
  'panel.more': '{0} autres lignes sont dans la vue Problèmes',
  'panel.privacy': 'Aucune adresse n’a quitté cette machine : seuls les noms de domaine ont été interrogés dans le DNS.',
  'text.discipline': 'Discipline d’envoi :',
  'text.warnings': 'Avertissements :',
};
