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
