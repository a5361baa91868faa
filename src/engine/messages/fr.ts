/** Messages en français. Mêmes clés que `en.ts`. */
export const fr: Record<string, string> = {
  // spam-phrase
  'rule.spam-phrase.description': 'Mots et expressions déclencheurs de spam, en français et en anglais',
  'rule.spam-phrase.why':
    "Les filtres et les lecteurs associent ces mots aux offres non sollicitées. Chacun augmente le score de contenu du message, et plusieurs ensemble peuvent l'envoyer dans les indésirables. Décrivez plutôt l'offre avec des mots simples et concrets.",
  'spam-phrase.found': '« {phrase} » est un déclencheur de spam courant ({category})',
  // all-caps
  'rule.all-caps.description': 'Texte crié en capitales',
  'rule.all-caps.why':
    'Un texte en capitales donne l’impression de crier et reste un signal de spam classique : SpamAssassin pénalise les corps et les objets chargés en capitales. Écrivez en minuscules et gardez les capitales pour les sigles.',
  'all-caps.run': '{count} mots de suite en capitales donnent l’impression de crier',
  'all-caps.sentence': 'Phrase entière en capitales, comme si l’on criait',
  'all-caps.subject': 'Objet écrit en capitales',
  'all-caps.ratio': 'Trop de capitales dans le corps ({percent} % des lettres ; limite {limit} %)',
  // exclamation
  'rule.exclamation.description': 'Trop de points d’exclamation',
  'rule.exclamation.why':
    'Les points d’exclamation répétés signalent un marketing insistant que les filtres comptabilisent, surtout dans l’objet. Un seul suffit là où il compte : laissez le contenu porter le message.',
  'exclamation.run': '{count} points d’exclamation à la suite',
  'exclamation.body': 'Trop de points d’exclamation dans le corps ({count} ; limite {max})',
  'exclamation.subject': 'Trop de points d’exclamation dans l’objet ({count} ; limite {max})',
  'exclamation.related': 'Autre point d’exclamation',
  // emoji
  'rule.emoji.description': 'Abus d’emoji',
  'rule.emoji.why':
    'Quelques emoji passent, mais leur accumulation ressemble à du spam promotionnel, est lue un à un par les lecteurs d’écran et ne s’affiche pas partout. Un seul dans l’objet au plus, quelques-uns dans le corps.',
  'emoji.run': '{count} emoji à la suite',
  'emoji.body': 'Trop d’emoji dans le corps ({count} ; limite {max})',
  'emoji.subject': 'Trop d’emoji dans l’objet ({count} ; limite {max})',
  'emoji.related': 'Autre emoji au-delà de la limite',

  // unsubscribe
  'rule.unsubscribe.description': 'Envoi de masse sans moyen visible de se désinscrire',
  'rule.unsubscribe.why':
    'Depuis février 2024, Gmail et Yahoo exigent des expéditeurs en masse un lien de désinscription visible dans le corps, et la loi impose un moyen simple de s’opposer aux envois (article L34-5 du CPCE, issu de la LCEN ; CAN-SPAM aux États-Unis). Un lecteur qui ne peut pas partir clique sur « Signaler comme spam », et les plaintes ruinent la réputation de l’expéditeur. Placez un lien « Se désinscrire » en haut ou en bas du message ; une balise de votre outil d’envoi ({{unsubscribe_url}}, *|UNSUB|*) compte.',
  'unsubscribe.missing': 'Aucun lien ni instruction de désinscription dans cet envoi de masse',
  'unsubscribe.buried': 'Lien de désinscription noyé au milieu du message (à {percent} % de la hauteur)',
  // contact-info
  'rule.contact-info.description': 'Envoi de masse qui ne dit pas qui l’envoie',
  'rule.contact-info.why':
    'Un courriel commercial doit identifier son expéditeur : l’article L34-5 du CPCE interdit de dissimuler l’identité de l’annonceur (la CNIL le rappelle pour toute prospection par courriel), et CAN-SPAM exige une adresse postale valide. Filtres et lecteurs font confiance aux messages qui disent qui les envoie et comment le joindre. Ajoutez un pied de page avec la raison sociale et l’adresse postale ou un numéro de téléphone, ou la balise d’adresse de votre outil d’envoi (*|LIST:ADDRESSLINE|*).',
  'contact-info.missing': 'Ni adresse postale, ni numéro de téléphone, ni balise d’adresse n’identifient l’expéditeur',
  // list-unsubscribe
  'rule.list-unsubscribe.description': 'En-têtes List-Unsubscribe absents ou incomplets',
  'rule.list-unsubscribe.why':
    'Les messageries affichent leur propre bouton « Se désabonner » grâce à l’en-tête List-Unsubscribe (RFC 2369). Depuis février 2024, Gmail et Yahoo exigent des expéditeurs en masse la désinscription en un clic (RFC 8058) : un lien https dans List-Unsubscribe et « List-Unsubscribe-Post: List-Unsubscribe=One-Click », tous deux couverts par la signature DKIM. Sans eux, les lecteurs cliquent sur « Signaler comme spam ».',
  'list-unsubscribe.missing': 'Aucun en-tête List-Unsubscribe (exigé des expéditeurs en masse par Gmail et Yahoo)',
  'list-unsubscribe.noPost': 'List-Unsubscribe contient un lien https mais pas « List-Unsubscribe-Post: List-Unsubscribe=One-Click » (RFC 8058)',
  'list-unsubscribe.badPost': 'List-Unsubscribe-Post devrait valoir « List-Unsubscribe=One-Click » (trouvé « {value} »)',
  'list-unsubscribe.postWithoutHttps': 'List-Unsubscribe-Post sans lien https dans List-Unsubscribe (RFC 8058 §3.1)',
  'list-unsubscribe.noHttps': 'List-Unsubscribe n’a pas de lien https : la désinscription en un clic est impossible (RFC 8058)',
  'list-unsubscribe.http': 'Lien List-Unsubscribe en http simple (la désinscription en un clic exige https, RFC 8058 §3.1)',
  'list-unsubscribe.noBrackets': 'Les liens de List-Unsubscribe doivent être entre chevrons (RFC 2369 §2)',
  'list-unsubscribe.unsigned': 'La signature DKIM ne couvre pas {headers} (RFC 8058 §4)',
  // freemail-sender
  'rule.freemail-sender.description': 'Adresse d’expéditeur chez un webmail gratuit',
  'rule.freemail-sender.why':
    'Impossible de publier SPF, DKIM ou DMARC pour un domaine de messagerie gratuite (gmail.com, yahoo.fr, orange.fr…) : la politique DMARC du fournisseur fait échouer les envois passés par un outil d’emailing ou un autre serveur, et les filtres se méfient des envois de masse venant de domaines grand public. Envoyez depuis un domaine qui vous appartient et authentifiez-le. Un Reply-To gratuit sous un autre expéditeur est un schéma d’hameçonnage classique (SpamAssassin FREEMAIL_FORGED_REPLYTO).',
  'freemail-sender.from': 'L’expéditeur {address} utilise le domaine de messagerie gratuite {domain}',
  'freemail-sender.setting': 'L’expéditeur {address} (réglage mailproof.sender) utilise le domaine de messagerie gratuite {domain}',
  'freemail-sender.replyTo': 'Le Reply-To {address} est une adresse de messagerie gratuite différente de l’expéditeur',
  // attachments
  'rule.attachments.description': 'Pièces jointes risquées, nombreuses ou lourdes',
  'rule.attachments.why':
    'Gmail et Outlook refusent les pièces jointes exécutables, et les filtres retiennent les fichiers Office à macros ; les archives sont ouvertes, analysées et souvent retenues. Plusieurs pièces jointes ou de gros fichiers alourdissent le message et le rendent suspect, et beaucoup de serveurs refusent les messages de plus de 10 à 25 Mo. Partagez une seule archive par un service de transfert confidentiel ou le serveur de votre entreprise, et envoyez le lien.',
  'attachments.tooMany': 'Trop de pièces jointes ({count} ; limite {max})',
  'attachments.tooLarge': 'Pièces jointes trop lourdes ({size} Mo au total ; limite {max} Mo)',
  'attachments.executable': 'La pièce jointe exécutable « {name} » est bloquée par les messageries',
  'attachments.macro': 'Le fichier Office à macros « {name} » est bloqué ou mis en quarantaine par les messageries',
  'attachments.archive': 'L’archive « {name} » est souvent retenue par les filtres ; partagez plutôt un lien',
  'attachments.related': 'Autre pièce jointe',
  // text-alternative
  'rule.text-alternative.description': 'Version texte absente ou différente du HTML',
  'rule.text-alternative.why':
    'Un message devrait porter une version texte de son HTML (multipart/alternative) : les clients texte, les montres et les lecteurs d’écran l’utilisent, et les filtres pénalisent les messages uniquement HTML (SpamAssassin MIME_HTML_ONLY) et les versions texte qui disent autre chose que le HTML (MPART_ALT_DIFF), une ruse pour montrer un message aux filtres et un autre aux lecteurs. Générez la version texte à partir du HTML, avec le même contenu.',
  'text-alternative.htmlOnly': 'Message HTML sans version texte',
  'text-alternative.nearlyEmpty': 'Version texte presque vide ({textWords} des {htmlWords} mots du HTML)',
  'text-alternative.differs': 'La version texte diffère du HTML ({percent} % des mots du HTML en sont absents)',
  // mime-structure
  'rule.mime-structure.description': 'Structure de message mal formée',
  'rule.mime-structure.why':
    'Filtres et clients de messagerie lisent différemment un message mal formé : une partie peut disparaître, des en-têtes être lus comme du texte, et SpamAssassin comme rspamd pénalisent les défauts de structure (ligne vide manquante, délimiteurs cassés, objet absent). Régénérez le fichier avec votre outil d’envoi ou corrigez la structure à la main.',
  'parse.noHeaders': 'Aucun champ d’en-tête : le fichier est lu comme un simple corps de message',
  'parse.noBlankLine': 'Pas de ligne vide entre les champs d’en-tête et le corps',
  'parse.badHeaderLine': 'Ligne qui n’est pas un champ d’en-tête dans le bloc d’en-têtes (ignorée)',
  'parse.missingHeader': 'Le message n’a pas d’en-tête {name}',
  'parse.duplicateHeader': '{name} figure plusieurs fois (la RFC 5322 n’en permet qu’un)',
  'parse.rawHeaderText': 'Caractères non ASCII non encodés dans {name} (encodage RFC 2047 attendu)',
  'parse.missingMimeVersion': 'Contenu MIME sans en-tête MIME-Version (RFC 2045 §4)',
  'parse.badContentType': 'Content-Type inutilisable « {value} » (lu comme {used})',
  'parse.missingBoundary': 'Type multipart sans délimiteur (lu comme du texte brut)',
  'parse.boundaryNotFound': 'Le délimiteur « {boundary} » n’apparaît jamais dans le corps (lu comme une seule partie)',
  'parse.missingDelimiter': 'La première partie n’a pas de ligne d’ouverture « --{boundary} » (lue quand même)',
  'parse.emptyMultipart': 'Multipart sans aucune partie',
  'parse.unterminatedMultipart': 'Multipart jamais fermé par « --{boundary}-- »',
  'parse.encodedMultipart': 'Multipart avec l’encodage de transfert {encoding} (la RFC 2045 §6.4 n’autorise que 7bit, 8bit ou binary)',
  'parse.unknownCharset': 'Jeu de caractères inconnu « {charset} » (lu comme UTF-8)',
  'parse.unknownEncoding': 'Encodage de transfert inconnu « {encoding} » (lu tel quel)',
  'parse.badQuotedPrintable': '« = » qui n’ouvre ni un échappement ni une fin de ligne douce (quoted-printable)',
  'parse.badBase64': 'Caractères hors de l’alphabet base64 dans une partie base64 (ignorés)',
  'parse.invalidBytes': 'Octets invalides en {charset} dans cette partie (affichés �)',
  'parse.moreProblems': '{count} autres problèmes de structure non listés',

  // catégories du lexique
  'category.money': 'argent',
  'category.free': 'gratuité',
  'category.urgency': 'urgence',
  'category.guarantee': 'garantie',
  'category.sales': 'pression commerciale',
  'category.prize': 'gain',
  'category.scam': 'trop beau pour être vrai',
  'category.finance': 'finance',
  'category.health': 'allégation santé',
  'category.exaggeration': 'exagération',
  'category.custom': 'votre liste d’expressions',

  // corrections
  'fix.replaceWith': 'Remplacer par « {text} »',
  'fix.sentenceCase': 'Passer en minuscules',
  'fix.collapseExclamations': 'Remplacer par un seul « ! »',
  'fix.keepFirstEmoji': 'Ne garder que le premier emoji',
  'fix.removeSurplusEmoji': 'Supprimer les emoji en trop ({count})',
  'fix.insertUnsubscribeFooter': 'Insérer un pied de page de désinscription',
  'fix.markTransactional': 'Marquer ce brouillon comme transactionnel',
  'fix.addListUnsubscribePost': 'Ajouter « List-Unsubscribe-Post: List-Unsubscribe=One-Click »',
  'fix.setListUnsubscribePost': 'Donner à List-Unsubscribe-Post la valeur « List-Unsubscribe=One-Click »',
  'fix.addListUnsubscribeMailto': 'Ajouter un en-tête List-Unsubscribe qui écrit à {address}',
  'fix.disableLine': 'Désactiver {rule} pour cette ligne',
  'fix.disableFile': 'Désactiver {rule} pour ce fichier',
  'fix.all': 'Corriger tous les problèmes {rule} du fichier',
  'fix.learnMore': 'En savoir plus sur {rule}',

  // options des règles
  'option.exclamation.maxInBody': 'Nombre maximal de points d’exclamation dans le corps.',
  'option.exclamation.maxInSubject': 'Nombre maximal de points d’exclamation dans l’objet.',
  'option.emoji.maxInBody': 'Nombre maximal d’emoji dans le corps.',
  'option.emoji.maxInSubject': 'Nombre maximal d’emoji dans l’objet.',
  'option.all-caps.minWords': 'Nombre de mots en capitales à la suite considéré comme un cri.',
  'option.all-caps.maxUppercaseRatio': 'Part maximale de capitales dans un corps long (de 0 à 1).',
  'option.all-caps.minLettersForRatio': 'En dessous de ce nombre de lettres, la part de capitales du corps n’est pas vérifiée.',
  'option.attachments.maxCount': 'Nombre maximal de pièces jointes (images intégrées non comptées).',
  'option.attachments.maxTotalMB': 'Taille totale maximale des pièces jointes, en mégaoctets.',
  'option.text-alternative.maxDifferencePercent': 'Part maximale des mots du HTML (en pour cent) qui peut manquer dans la version texte.',

  // pied de page de désinscription inséré, dans la langue du brouillon
  'footer.reason': 'Vous recevez cet e-mail car vous êtes inscrit à notre liste de diffusion',
  'footer.unsubscribe': 'Se désinscrire',
  'footer.unsubscribeLine': 'Se désinscrire : {url}',
  'footer.identity': '[Raison sociale, adresse postale]',
  'footer.mailSubject': 'désinscription',

  // problèmes de configuration
  'config.notObject': 'La configuration doit être un objet JSON',
  'config.unknownOption': 'Option inconnue « {name} »',
  'config.rulesNotObject': '« rules » doit être un objet indexé par identifiant de règle',
  'config.unknownRule': 'Règle inconnue « {rule} »',
  'config.badSeverity': 'Règle « {rule} » : la sévérité doit être error, warning, info ou off',
  'config.badOptionValue': 'Règle « {rule} » : valeur invalide pour « {name} »',
  'config.unknownRuleOption': 'La règle « {rule} » n’a pas d’option « {name} »',
  'config.badRuleSetting': 'Règle « {rule} » : une sévérité ou un objet est attendu',
  'config.badPhrases': '« phrases » doit être un objet avec des listes « add » et « ignore »',
  'config.badPhrasesAdd': '« phrases.add » doit lister des chaînes ou des objets {"phrase", "alternatives"}',
  'config.badPhrasesIgnore': '« phrases.ignore » doit être une liste de chaînes',
  'config.badAcronyms': '« acronyms » doit être une liste de chaînes',
  'config.badMailType': '« mailType » doit valoir « bulk » ou « transactional »',
  'config.badSender': '« sender » doit être une chaîne',
};
