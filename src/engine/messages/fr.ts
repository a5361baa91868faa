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
  // html-script
  'rule.html-script.description': 'Script dans le message : <script>, gestionnaires d’événements, liens javascript:',
  'rule.html-script.why':
    'Aucun client de messagerie n’exécute de script : Gmail, Outlook et Apple Mail le suppriment, et les filtres y voient une tentative d’attaque. Supprimez-le et renvoyez vers une page web pour tout contenu interactif.',
  'html-script.element': 'Élément script : les clients de messagerie le suppriment et les filtres y voient une attaque',
  'html-script.handler': 'Le gestionnaire d’événement « {name} » exécute du script : les clients le suppriment et les filtres y voient une attaque',
  'html-script.url': 'Le lien « {scheme}: » exécute du script : les clients le bloquent et les filtres y voient une attaque',
  // html-embed
  'rule.html-embed.description': 'Contenu de plugin : Flash, <object>, <embed>, <applet>',
  'rule.html-embed.why':
    'Aucun client de messagerie ne lit de contenu de plugin : Flash a disparu, et <object>, <embed> et <applet> sont supprimés ou affichés comme des cadres vides. Les filtres y voient un vecteur de logiciel malveillant. Utilisez plutôt une image qui renvoie vers une page web.',
  'html-embed.plugin': 'Le contenu de plugin <{tag}> ne s’affiche pas dans les clients de messagerie et ressemble à un logiciel malveillant pour les filtres',
  'html-embed.flash': 'Le contenu Flash (.swf) n’est lu par aucun client de messagerie et ressemble à un logiciel malveillant pour les filtres',
  // html-form
  'rule.html-form.description': 'Formulaires, champs de formulaire et iframes',
  'rule.html-form.why':
    'La plupart des clients de messagerie désactivent ou suppriment les formulaires (Gmail, Outlook) et retirent les iframes. Les filtres signalent les formulaires, que l’hameçonnage utilise pour voler des mots de passe. Renvoyez plutôt vers un formulaire sur votre site.',
  'html-form.form': 'Formulaire dans le message : la plupart des clients le désactivent ou le suppriment',
  'html-form.field': 'Champ de formulaire <{tag}> : la plupart des clients le désactivent ou le suppriment',
  'html-form.iframe': 'Cadre intégré (iframe) : les clients le suppriment et les filtres le signalent',
  // html-nesting
  'rule.html-nesting.description': 'Balisage trop imbriqué pour être lu tel quel',
  'rule.html-nesting.why':
    'Les navigateurs et les clients de messagerie cessent d’imbriquer les éléments au-delà de quelques centaines de niveaux (Chromium à 512) et placent les éléments plus profonds côte à côte : le message ne s’affiche pas comme sa source l’indique. Une telle profondeur ne vient que d’un balisage généré ou cassé ; Mailproof le lit de la même façon, ce qui garde l’analyse rapide.',
  'html-nesting.tooDeep': 'HTML imbriqué sur plus de {max} niveaux : {count} éléments plus profonds ont été lus comme voisins',
  // html-width
  'rule.html-width.description': 'Mise en page plus large que les volets de lecture',
  'rule.html-width.why':
    'Les volets de lecture et les téléphones affichent de 600 à 800 pixels. Un tableau, une cellule ou une image plus large oblige à faire défiler horizontalement, et Outlook ne le réduit pas. Gardez une mise en page de 600 px et utilisez max-width ou des pourcentages pour les parties fluides.',
  'html-width.tooWide': 'Mise en page trop large ({width} px ; restez sous {max} px)',
  // hidden-text
  'rule.hidden-text.description': 'Texte caché au lecteur',
  'rule.hidden-text.why':
    'Cacher du texte avec display:none, visibility:hidden, une police de 0 ou 1 px ou la couleur du fond est une vieille ruse pour glisser des mots-clés devant les filtres, qui la recherchent. Le seul usage admis est un court texte d’aperçu (preheader) en haut du corps ; rendez le reste visible ou supprimez-le.',
  'hidden-text.hidden': 'Texte caché avec {how} ({length} caractères : « {text} »)',
  'hidden-text.color': 'Texte de la même couleur que son fond ({color} ; {length} caractères : « {text} »)',
  'hidden-text.longPreheader': 'Texte d’aperçu caché trop long ({length} caractères ; les aperçus en affichent {max} au plus)',
  // image-ratio
  'rule.image-ratio.description': 'Trop peu de texte pour les images',
  'rule.image-ratio.why':
    'Les messages tout en images sont une façon classique de faire passer des mots devant les filtres de contenu, qui pénalisent donc peu de texte à côté de grandes images (SpamAssassin HTML_IMAGE_ONLY, HTML_IMAGE_RATIO). La plupart des clients bloquent aussi les images par défaut, ce qui laisse un message vide. Mettez l’essentiel en texte et gardez les images pour illustrer.',
  'image-ratio.lowText': 'Trop peu de texte pour les images ({chars} caractères de texte ; {needed} au moins pour {area} px² d’images)',
  'image-ratio.related': 'Autre grande image ({width}×{height} px)',
  // image-alt
  'rule.image-alt.description': 'Images sans texte alternatif',
  'rule.image-alt.why':
    'La plupart des clients bloquent les images tant que le lecteur ne les autorise pas : sans texte alternatif, il ne voit que des cadres vides, et les lecteurs d’écran lisent le nom du fichier. Décrivez les images informatives dans alt et donnez aux images décoratives un alt="" vide.',
  'image-alt.missing': 'Image sans attribut alt',
  // image-size
  'rule.image-size.description': 'Images lourdes et images intégrées en URI data:',
  'rule.image-size.why':
    'Toutes les images se téléchargent à l’ouverture du message, souvent en données mobiles : des images lourdes le ralentissent. Les images intégrées en URI data: ne s’affichent ni dans Gmail ni dans Outlook.com et comptent dans la limite de 102 Ko de Gmail. Compressez les images et hébergez-les sur un serveur web.',
  'image-size.dataUri': 'Image intégrée en URI data: ({kb} Ko) : Gmail et Outlook.com ne l’affichent pas',
  'image-size.heavy': 'Image lourde ({kb} Ko ; restez sous {max} Ko par image)',
  'image-size.total': 'Images trop lourdes au total ({kb} Ko ; restez sous {max} Ko)',
  'image-size.related': 'Autre image ({kb} Ko)',
  // tracking-pixel
  'rule.tracking-pixel.description': 'Pixels de suivi d’ouverture',
  'rule.tracking-pixel.why':
    'Une image minuscule ou cachée ne sert qu’à indiquer à l’expéditeur que le message a été ouvert, quand et d’où. Selon les règles françaises et européennes (CNIL, directive ePrivacy), suivre l’ouverture par chaque destinataire exige son consentement préalable, et les clients soucieux de la vie privée bloquent ces pixels. Supprimez-le, ou recueillez d’abord le consentement.',
  'tracking-pixel.size': 'Pixel de suivi d’ouverture ({width}×{height} px) soumis au consentement du destinataire',
  'tracking-pixel.host': 'Image de suivi d’ouverture de {host} soumise au consentement du destinataire',
  'tracking-pixel.hidden': 'Image cachée, typique du suivi d’ouverture, soumise au consentement du destinataire',
  // link-mismatch
  'rule.link-mismatch.description': 'Texte de lien affichant une autre adresse que le lien',
  'rule.link-mismatch.why':
    'Un texte qui affiche une adresse alors que le lien mène ailleurs est le procédé d’hameçonnage classique, signalé par les filtres et les messageries. Affichez la vraie destination, ou des mots (« Voir l’offre ») plutôt qu’une adresse.',
  'link-mismatch.found': 'Le texte du lien affiche {shown} mais le lien mène à {host}',
  'link-mismatch.related': 'Le lien mène à {host}',
  // link-shortener
  'rule.link-shortener.description': 'Liens passant par un raccourcisseur d’URL',
  'rule.link-shortener.why':
    'Un lien raccourci cache sa destination : les spammeurs s’en servent pour contourner les listes de blocage de domaines, et les filtres s’en méfient ; un raccourcisseur bloqué pour abus emporte vos liens avec lui. Pointez vers votre propre domaine.',
  'link-shortener.found': 'Le lien passe par le raccourcisseur d’URL {host} et cache sa destination',
  // link-ip
  'rule.link-ip.description': 'Liens vers des adresses IP',
  'rule.link-ip.why':
    'Les expéditeurs légitimes pointent vers des noms de domaine. Les liens vers une adresse numérique sont typiques de l’hameçonnage et des serveurs piratés, et les filtres les pénalisent (SpamAssassin NUMERIC_HTTP_ADDR). Utilisez un nom de domaine.',
  'link-ip.found': 'Lien vers une adresse IP ({host}) au lieu d’un nom de domaine',
  // link-insecure
  'rule.link-insecure.description': 'Liens http: non chiffrés',
  'rule.link-insecure.why':
    'Les navigateurs signalent les pages http: comme non sécurisées, et un lien non chiffré peut être lu ou modifié en chemin. La plupart des sites répondent en https: : changez le lien.',
  'link-insecure.found': 'Lien http: non chiffré vers {host}',
  // message-size
  'rule.message-size.description': 'Messages tronqués par Gmail, blocs de style qu’il ignore',
  'rule.message-size.why':
    'Gmail n’affiche que les 102 premiers Ko du HTML d’un message et cache la suite derrière « Afficher l’intégralité du message », lien de désinscription compris, ce qui pousse les lecteurs vers le bouton spam. Il ignore aussi les blocs de style de plus de 16 Ko. Supprimez le CSS inutile, les commentaires et les tableaux imbriqués, et hébergez les images au lieu de les intégrer.',
  'message-size.clipped': 'HTML trop volumineux ({kb} Ko ; Gmail tronque après {max} Ko, à peu près ici)',
  'message-size.style': 'Bloc de style trop volumineux ({kb} Ko ; Gmail ignore les blocs de plus de {max} Ko)',

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
  'category.impersonation': 'usurpation de marque',
  'spam-phrase.impersonation': 'Le nom d’expéditeur se réclame de « {brand} » mais l’adresse est chez {domain}',
  'category.custom': 'votre liste d’expressions',
  // Why a file is or is not linted (detect.ts)
  'detect.email': 'analysé : ressemble à un e-mail ({signals})',
  'detect.web': 'non analysé : ressemble à une page web ({signals}) ; lancez « Mailproof : Analyser ce fichier comme un e-mail » ou ajoutez <!-- mailproof --> pour forcer',
  'detect.unknown': 'rien dans le contenu ne dit e-mail ou page web',
  'detect.forced': 'analysé : vous avez demandé d’analyser ce fichier comme un e-mail',
  'detect.ignored': 'non analysé : correspond au motif à ignorer « {pattern} » de {file}',
  'detect.alwaysLint': 'analysé : correspond au motif alwaysLint « {pattern} » de {file}',
  'detect.filesSetting': 'analysé : correspond au réglage mailproof.files et rien n’indique une page web',
  'detect.notInFiles': 'non analysé : hors des dossiers de mailproof.files et rien n’indique un e-mail ; lancez « Mailproof : Analyser ce fichier comme un e-mail » pour forcer',
  'detect.disabled': 'non analysé : mailproof.enable est désactivé pour ce dossier',
  'detect.notDraftType': 'non analysé : Mailproof analyse les fichiers .html, .txt, .mjml, .eml, Handlebars et Liquid',
  'detect.emlFile': 'fichier .eml',
  'detect.mjmlFile': 'fichier .mjml',
  'detect.marker': 'commentaire <!-- mailproof -->',
  'detect.mjml': 'balisage MJML',
  'detect.msoConditional': 'commentaires conditionnels Outlook',
  'detect.presentationTable': 'tableaux de présentation',
  'detect.fixedWidthContainer': 'un conteneur de 550 à 700 px',
  'detect.layoutTable': 'tableaux de mise en page',
  'detect.mergeTag': 'balises de fusion',
  'detect.unsubscribe': 'une mention de désinscription',
  'detect.emailHeaders': 'des en-têtes d’e-mail',
  'detect.greeting': 'une formule d’appel',
  'detect.templatePartial': 'un fragment de gabarit',
  'detect.ampEmail': 'balisage AMP pour e-mail',
  'detect.inky': 'balisage Foundation for Emails (Inky)',
  'detect.viewInBrowser': 'un lien « voir en ligne »',
  'detect.inlineStyles': 'des styles en ligne',
  'detect.scriptSrc': 'script src',
  'detect.stylesheetLink': 'des feuilles de style liées',
  'detect.templateInheritance': 'des blocs de gabarit d’un framework web',
  'detect.webForm': 'un formulaire web',
  'detect.pageChrome': 'des éléments de navigation de page',

  // corrections
  'fix.replaceWith': 'Remplacer par « {text} »',
  'fix.sentenceCase': 'Passer en minuscules',
  'fix.collapseExclamations': 'Remplacer par un seul « ! »',
  'fix.keepFirstEmoji': 'Ne garder que le premier emoji',
  'fix.removeSurplusEmoji': 'Supprimer les emoji en trop ({count})',
  'fix.removeElement': 'Supprimer l’élément <{tag}>',
  'fix.removeAttribute': 'Supprimer l’attribut {name}',
  'fix.setWidth': 'Passer la largeur à {width} px',
  'fix.addEmptyAlt': 'Ajouter alt="" (image décorative)',
  'fix.removeTrackingPixel': 'Supprimer le pixel de suivi',
  'fix.useHttps': 'Passer en https:',
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
  'option.html-width.maxWidth': 'Largeur maximale de la mise en page, en pixels.',
  'option.hidden-text.maxPreheaderChars': 'Longueur maximale du texte d’aperçu caché en haut du corps, en caractères.',
  'option.image-ratio.minTextChars': 'Nombre minimal de caractères de texte visible dans un message avec des images (espaces non comptées).',
  'option.image-ratio.areaPerChar': 'Surface d’image, en px², que chaque caractère de texte peut compenser.',
  'option.image-ratio.minImageSide': 'Les images plus étroites ou moins hautes que cette valeur, en pixels, ne comptent pas (icônes, logos, espaceurs).',
  'option.image-size.maxImageKb': 'Poids maximal d’une image, en Ko.',
  'option.image-size.maxTotalKb': 'Poids total maximal des images, en Ko.',
  'option.message-size.maxHtmlKb': 'Taille maximale du HTML avant que Gmail ne tronque le message, en Ko.',
  'option.message-size.maxStyleKb': 'Taille maximale d’un bloc <style>, en Ko.',
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
  'lint.moreFindings': '{count} autres signalements {rule} dans ce fichier ne sont pas listés (au plus {max} par règle)',
  'config.notObject': 'La configuration doit être un objet JSON',
  'config.unknownOption': 'Option inconnue « {name} »',
  'config.unknownRule': 'Règle inconnue « {rule} »',
  'config.unknownRuleOption': 'La règle « {rule} » n’a pas d’option « {name} »',
  'config.badType': '« {path} » doit être de type {type}',
  'config.badEnum': '« {path} » doit valoir l’une de ces valeurs : {values}',
  'config.tooLong': '« {path} » dépasse {max} caractères',
  'config.outOfRange': '« {path} » doit être compris entre {min} et {max}',
  'config.tooManyItems': '« {path} » compte {count} éléments (au plus {max})',
  'config.missingProperty': '« {path} » doit contenir « {name} »',
  'config.tooManySpellings': '« {path} » donne plus de {max} graphies par ses groupes facultatifs',

  // spelling
  'rule.spelling.description': 'Fautes d’orthographe, en français et en anglais',
  'rule.spelling.why':
    'Les fautes de frappe et les accents manquants donnent l’image d’un message bâclé ou frauduleux : les lecteurs lui font moins confiance et le signalent davantage, et les filtres entraînés sur l’hameçonnage y voient la même négligence. Mailproof vérifie le texte visible et l’objet avec les dictionnaires Hunspell, en ignorant les balises de fusion, les liens, les adresses, les codes et les noms de marques.',
  'spelling.unknown': '« {word} » n’est pas dans le dictionnaire {language}',
  'spelling.accent': '« {word} » devrait s’écrire « {replacement} » ici',
  'spelling.realWord': '« {word} » existe, mais ici « {intended} » semble voulu',
  'spelling.truncated': 'Vérification orthographique arrêtée après {count} mots inconnus : le brouillon est-il dans une autre langue ?',
  'spelling.language.fr': 'français',
  'spelling.language.en': 'anglais',
  'spelling.addWord': 'Ajouter « {word} » au dictionnaire du projet',
  'spelling.addWordUser': 'Ajouter « {word} » au dictionnaire de l’utilisateur',
  'spelling.noSuggestion': 'Aucune suggestion orthographique pour « {word} »',
  // grammar
  'rule.grammar.description': 'Fautes de grammaire, selon Grammalecte ou votre serveur LanguageTool',
  'rule.grammar.why':
    'Les fautes d’accord et de conjugaison donnent la même impression de négligence que les coquilles. Mailproof interroge un correcteur que vous avez installé ou que vous faites tourner vous-même (Grammalecte pour le français, un serveur LanguageTool), jamais un service public : les brouillons restent privés.',
  'grammar.issue': '{message}',

  // explications du score de spam (src/engine/score/explain.ts)
  'score.word': '« {word} »',
  'score.subjectWord': '« {word} » dans l’objet',
  'score.rule': '{rule} ({count}×)',
  'score.structure.links': 'nombre de liens',
  'score.structure.linkDomains': 'nombre de domaines liés',
  'score.structure.images': 'nombre d’images',
  'score.structure.textChars': 'quantité de texte',
  'score.structure.imageShare': 'part des images face au texte',
  'score.structure.capsRatio': 'lettres capitales',
  'score.structure.capsWords': 'mots en capitales',
  'score.structure.exclamations': 'points d’exclamation',
  'score.structure.subjectExclamation': '« ! » dans l’objet',
  'score.structure.emoji': 'nombre d’emoji',
  'score.structure.hiddenChars': 'texte masqué',
  'score.mailType.bulk': 'envoi en nombre',
  'score.mailType.transactional': 'e-mail transactionnel',
  'score.mailType.personal': 'e-mail personnel',
  'score.mailTypeDetected': '{type} (détecté)',
  'score.likelySpam': 'spam probable',
  'score.probability': 'probabilité de spam {percent} %',
  'score.raisedBy': 'monté par',
  'score.loweredBy': 'baissé par',
  'score.requirement.unsubscribe-link': 'Lien de désinscription visible',
  'score.requirement.one-click-unsubscribe': 'Désinscription en un clic (List-Unsubscribe-Post, RFC 8058)',
  'score.requirement.postal-address': 'Adresse postale de l’expéditeur',
  'score.requirement.met': 'respecté',
  'score.requirement.unmet': 'non respecté',
  'score.requirement.unchecked': 'non vérifié',
};
