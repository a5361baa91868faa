/** English messages. Keys: `rule.<id>.*` describe rules, `<id>.*` are finding messages. */
export const en: Record<string, string> = {
  // spam-phrase
  'rule.spam-phrase.description': 'Spam trigger words and phrases, in French and English',
  'rule.spam-phrase.why':
    'Filters and readers associate these words with unsolicited offers. Each one raises the content score of the message, and several together can send it to the spam folder. Describe the offer in plain, concrete words instead.',
  'spam-phrase.found': '“{phrase}” is a common spam trigger ({category})',
  // all-caps
  'rule.all-caps.description': 'Shouting in capital letters',
  'rule.all-caps.why':
    'Text in capitals reads as shouting and is a classic spam signal: SpamAssassin scores bodies and subjects with many capitals. Write in sentence case and keep capitals for acronyms.',
  'all-caps.run': '{count} words in a row in capitals read as shouting',
  'all-caps.sentence': 'Whole sentence in capitals reads as shouting',
  'all-caps.subject': 'Subject written in capitals',
  'all-caps.ratio': 'Too many capitals in the body ({percent}% of the letters; limit {limit}%)',
  // exclamation
  'rule.exclamation.description': 'Too many exclamation marks',
  'rule.exclamation.why':
    'Repeated exclamation marks are a pushy-marketing signal that filters count, in the subject especially. Use one at most where it matters, and let the content carry the message.',
  'exclamation.run': '{count} exclamation marks in a row',
  'exclamation.body': 'Too many exclamation marks in the body ({count}; limit {max})',
  'exclamation.subject': 'Too many exclamation marks in the subject ({count}; limit {max})',
  'exclamation.related': 'Another exclamation mark',
  // emoji
  'rule.emoji.description': 'Emoji overuse',
  'rule.emoji.why':
    'A few emoji are fine, but strings of them look like promotional spam, are read aloud one by one by screen readers and do not render in every client. Keep one in the subject at most and a few in the body.',
  'emoji.run': '{count} emoji in a row',
  'emoji.body': 'Too many emoji in the body ({count}; limit {max})',
  'emoji.subject': 'Too many emoji in the subject ({count}; limit {max})',
  'emoji.related': 'Another emoji over the limit',

  // lexicon categories
  'category.money': 'money',
  'category.free': 'free offer',
  'category.urgency': 'urgency',
  'category.guarantee': 'guarantee',
  'category.sales': 'sales pressure',
  'category.prize': 'prize',
  'category.scam': 'too good to be true',
  'category.finance': 'finance',
  'category.health': 'health claim',
  'category.exaggeration': 'exaggeration',
  'category.custom': 'your phrase list',

  // fixes
  'fix.replaceWith': 'Replace with “{text}”',
  'fix.sentenceCase': 'Convert to sentence case',
  'fix.collapseExclamations': 'Replace with a single “!”',
  'fix.keepFirstEmoji': 'Keep only the first emoji',
  'fix.removeSurplusEmoji': 'Remove the extra emoji ({count})',
  'fix.disableLine': 'Disable {rule} for this line',
  'fix.disableFile': 'Disable {rule} for this file',
  'fix.all': 'Fix all {rule} problems in this file',
  'fix.learnMore': 'Learn more about {rule}',

  // rule options (settings descriptions)
  'option.exclamation.maxInBody': 'Most exclamation marks allowed in the body.',
  'option.exclamation.maxInSubject': 'Most exclamation marks allowed in the subject.',
  'option.emoji.maxInBody': 'Most emoji allowed in the body.',
  'option.emoji.maxInSubject': 'Most emoji allowed in the subject.',
  'option.all-caps.minWords': 'How many words in capitals in a row count as shouting.',
  'option.all-caps.maxUppercaseRatio': 'Largest share of capital letters allowed in a long body (0 to 1).',
  'option.all-caps.minLettersForRatio': 'Bodies with fewer letters than this are not checked for their share of capitals.',

  // configuration problems
  'config.notObject': 'The configuration must be a JSON object',
  'config.unknownOption': 'Unknown option “{name}”',
  'config.rulesNotObject': '“rules” must be an object keyed by rule id',
  'config.unknownRule': 'Unknown rule “{rule}”',
  'config.badSeverity': 'Rule “{rule}”: the severity must be error, warning, info or off',
  'config.badOptionValue': 'Rule “{rule}”: invalid value for “{name}”',
  'config.unknownRuleOption': 'Rule “{rule}” has no option “{name}”',
  'config.badRuleSetting': 'Rule “{rule}”: expected a severity or an object',
  'config.badPhrases': '“phrases” must be an object with “add” and “ignore” lists',
  'config.badPhrasesAdd': '“phrases.add” must list strings or {"phrase", "alternatives"} objects',
  'config.badPhrasesIgnore': '“phrases.ignore” must be a list of strings',
  'config.badAcronyms': '“acronyms” must be a list of strings',
  'config.badMailType': '“mailType” must be “bulk” or “transactional”',
  'config.badSender': '“sender” must be a string',
};
