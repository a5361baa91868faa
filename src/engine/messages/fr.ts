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
  'fix.removeElement': 'Supprimer l’élément <{tag}>',
  'fix.removeAttribute': 'Supprimer l’attribut {name}',
  'fix.setWidth': 'Passer la largeur à {width} px',
  'fix.addEmptyAlt': 'Ajouter alt="" (image décorative)',
  'fix.removeTrackingPixel': 'Supprimer le pixel de suivi',
  'fix.useHttps': 'Passer en https:',
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
