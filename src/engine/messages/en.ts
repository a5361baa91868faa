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
  // html-script
  'rule.html-script.description': 'Script in the message: <script>, event handlers, javascript: links',
  'rule.html-script.why':
    'No mail client runs script: Gmail, Outlook and Apple Mail strip it, and filters treat script in a message as an attack attempt. Remove it, and link to a web page for anything interactive.',
  'html-script.element': 'Script element: mail clients strip it and filters treat it as an attack',
  'html-script.handler': 'Event handler “{name}” runs script: mail clients strip it and filters treat it as an attack',
  'html-script.url': '“{scheme}:” link runs script: mail clients block it and filters treat it as an attack',
  // html-embed
  'rule.html-embed.description': 'Plugin content: Flash, <object>, <embed>, <applet>',
  'rule.html-embed.why':
    'No mail client plays plugin content: Flash is gone, and <object>, <embed> and <applet> are removed or left as empty boxes. Filters score them as a malware vector. Use an image that links to a web page instead.',
  'html-embed.plugin': '<{tag}> plugin content is not shown by mail clients and looks like malware to filters',
  'html-embed.flash': 'Flash content (.swf) is not played by any mail client and looks like malware to filters',
  // html-form
  'rule.html-form.description': 'Forms, form fields and iframes',
  'rule.html-form.why':
    'Most mail clients disable or strip forms (Gmail, Outlook) and remove iframes. Filters flag forms because phishing uses them to collect passwords. Link to a form on your website instead.',
  'html-form.form': 'Form in the message: most mail clients disable or remove it',
  'html-form.field': 'Form field <{tag}>: most mail clients disable or remove it',
  'html-form.iframe': 'Inline frame (iframe): mail clients remove it and filters flag it',
  // html-nesting
  'rule.html-nesting.description': 'Markup nested too deep to be read as written',
  'rule.html-nesting.why':
    'Browsers and mail clients stop nesting elements at a few hundred levels (Chromium at 512) and place deeper elements side by side, so the message does not render as its source says. Nesting this deep only comes from generated or broken markup; Mailproof reads it the same way, which keeps linting fast.',
  'html-nesting.tooDeep': 'HTML nested deeper than {max} levels: {count} deeper elements were read as siblings',
  // html-width
  'rule.html-width.description': 'Layout wider than reading panes',
  'rule.html-width.why':
    'Reading panes and phones show 600 to 800 pixels. A wider table, cell or image makes readers scroll sideways, and Outlook does not shrink it. Keep the layout at 600 px and use max-width or percentages for fluid parts.',
  'html-width.tooWide': 'Layout too wide ({width} px; keep it within {max} px)',
  // hidden-text
  'rule.hidden-text.description': 'Text hidden from the reader',
  'rule.hidden-text.why':
    'Text hidden with display:none, visibility:hidden, a 0–1 px font or the background colour is an old trick to stuff keywords past filters, and filters look for it. The accepted use is a short preheader at the top of the body; make other hidden text visible or remove it.',
  'hidden-text.hidden': 'Hidden text with {how} ({length} characters: “{text}”)',
  'hidden-text.color': 'Text in the same colour as its background ({color}; {length} characters: “{text}”)',
  'hidden-text.longPreheader': 'Hidden preheader too long ({length} characters; inbox previews show at most {max})',
  // image-ratio
  'rule.image-ratio.description': 'Too little text for the images',
  'rule.image-ratio.why':
    'Image-only messages are a classic way to slip words past content filters, so filters (SpamAssassin HTML_IMAGE_ONLY, HTML_IMAGE_RATIO) penalise little text next to large images. Most clients also block images by default, which leaves an empty message. Put the key message in text and keep images as illustrations.',
  'image-ratio.lowText': 'Too little text for the images ({chars} characters of text; {needed} or more for {area} px² of images)',
  'image-ratio.related': 'Another large image ({width}×{height} px)',
  // image-alt
  'rule.image-alt.description': 'Images without alt text',
  'rule.image-alt.why':
    'Most clients block images until the reader allows them: without alt text the reader sees empty boxes, and screen readers read the file name aloud. Describe informative images in alt, and give decorative ones an empty alt="".',
  'image-alt.missing': 'Image without an alt attribute',
  // image-size
  'rule.image-size.description': 'Heavy images and images embedded as data: URIs',
  'rule.image-size.why':
    'Every image downloads when the message opens, often over mobile data: heavy images make the message slow. Images embedded as data: URIs are not shown by Gmail or Outlook.com and count towards Gmail’s 102 KB limit. Compress images and host them on a web server.',
  'image-size.dataUri': 'Image embedded as a data: URI ({kb} KB): Gmail and Outlook.com do not show it',
  'image-size.heavy': 'Heavy image ({kb} KB; keep each image under {max} KB)',
  'image-size.total': 'Images too heavy together ({kb} KB; keep the total under {max} KB)',
  'image-size.related': 'Another image ({kb} KB)',
  // tracking-pixel
  'rule.tracking-pixel.description': 'Open-tracking pixels',
  'rule.tracking-pixel.why':
    'A tiny or hidden image only tells the sender that the message was opened, when and from where. Under French and EU rules (CNIL, ePrivacy directive) tracking each recipient’s opens needs their prior consent, and privacy-minded clients block these pixels. Remove it, or collect consent first.',
  'tracking-pixel.size': 'Open-tracking pixel ({width}×{height} px) needs the recipient’s consent',
  'tracking-pixel.host': 'Open-tracking image from {host} needs the recipient’s consent',
  'tracking-pixel.hidden': 'Hidden image, typical of open tracking, needs the recipient’s consent',
  // link-mismatch
  'rule.link-mismatch.description': 'Link text showing another address than the link',
  'rule.link-mismatch.why':
    'Text that shows one address while the link goes to another is the classic phishing pattern, and filters and mailbox providers flag it. Show the real destination, or use words (“See the offer”) instead of an address.',
  'link-mismatch.found': 'Link text shows {shown} but the link goes to {host}',
  'link-mismatch.related': 'The link goes to {host}',
  // link-shortener
  'rule.link-shortener.description': 'Links through URL shorteners',
  'rule.link-shortener.why':
    'Shortened links hide their destination, so spammers use them to get past domain blocklists and filters distrust them; a shortener blocked for abuse takes your links down with it. Link to your own domain.',
  'link-shortener.found': 'Link through the URL shortener {host} hides its destination',
  // link-ip
  'rule.link-ip.description': 'Links to raw IP addresses',
  'rule.link-ip.why':
    'Legitimate senders link to domain names. Links to numeric addresses are typical of phishing and hacked servers, and filters score them (SpamAssassin NUMERIC_HTTP_ADDR). Use a domain name.',
  'link-ip.found': 'Link to a raw IP address ({host}) instead of a domain name',
  // link-insecure
  'rule.link-insecure.description': 'Unencrypted http: links',
  'rule.link-insecure.why':
    'Browsers mark http: pages as not secure, and an unencrypted link can be read or altered on the way. Most sites answer on https: switch the link.',
  'link-insecure.found': 'Unencrypted http: link to {host}',
  // message-size
  'rule.message-size.description': 'Messages that Gmail clips, style blocks that it drops',
  'rule.message-size.why':
    'Gmail shows only the first 102 KB of a message’s HTML and hides the rest behind “View entire message”, unsubscribe link included, which pushes readers to the spam button. It also ignores style blocks over 16 KB. Remove unused CSS, comments and nested tables, and host images instead of embedding them.',
  'message-size.clipped': 'HTML too large ({kb} KB; Gmail clips after {max} KB, from about here)',
  'message-size.style': 'Style block too large ({kb} KB; Gmail ignores blocks over {max} KB)',

  // unsubscribe
  'rule.unsubscribe.description': 'Bulk mail without a visible way to unsubscribe',
  'rule.unsubscribe.why':
    'Since February 2024 Gmail and Yahoo require bulk senders to show a clear unsubscribe link in the body, and the law asks for an easy opt-out (CAN-SPAM in the US; article L34-5 of the French CPCE, from the LCEN, in France). Readers who cannot leave press “Report spam” instead, and complaints ruin a sender’s reputation. Put a link such as “Unsubscribe” at the top or the bottom of the message; a merge tag of your sending tool ({{unsubscribe_url}}, *|UNSUB|*) counts.',
  'unsubscribe.missing': 'No unsubscribe link or instruction in this bulk message',
  'unsubscribe.buried': 'Unsubscribe link buried in the middle of the message ({percent}% down)',
  // contact-info
  'rule.contact-info.description': 'Bulk mail that does not say who sends it',
  'rule.contact-info.why':
    'Commercial mail must identify its sender: CAN-SPAM requires a valid postal address, and article L34-5 of the French CPCE forbids hiding the identity of the advertiser (the CNIL asks for it in every commercial e-mail). Filters and readers trust mail that says who sends it and how to reach them. Add a footer with the company name and its postal address or phone number, or your sending tool’s address merge tag (*|LIST:ADDRESSLINE|*).',
  'contact-info.missing': 'No postal address, phone number or address merge tag identifies the sender',
  // list-unsubscribe
  'rule.list-unsubscribe.description': 'Missing or incomplete List-Unsubscribe headers',
  'rule.list-unsubscribe.why':
    'Mailbox providers show their own “Unsubscribe” button from the List-Unsubscribe header (RFC 2369). Since February 2024 Gmail and Yahoo require bulk senders to support one-click unsubscribe (RFC 8058): an https link in List-Unsubscribe plus “List-Unsubscribe-Post: List-Unsubscribe=One-Click”, both covered by the DKIM signature. Without them, readers use “Report spam” instead.',
  'list-unsubscribe.missing': 'No List-Unsubscribe header (Gmail and Yahoo require one of bulk senders)',
  'list-unsubscribe.noPost': 'List-Unsubscribe has an https link but no “List-Unsubscribe-Post: List-Unsubscribe=One-Click” (RFC 8058)',
  'list-unsubscribe.badPost': 'List-Unsubscribe-Post should be “List-Unsubscribe=One-Click” (found “{value}”)',
  'list-unsubscribe.postWithoutHttps': 'List-Unsubscribe-Post without an https link in List-Unsubscribe (RFC 8058 §3.1)',
  'list-unsubscribe.noHttps': 'List-Unsubscribe has no https link, so one-click unsubscribe is impossible (RFC 8058)',
  'list-unsubscribe.http': 'List-Unsubscribe link in plain http (one-click unsubscribe needs https, RFC 8058 §3.1)',
  'list-unsubscribe.noBrackets': 'List-Unsubscribe links must be written in angle brackets (RFC 2369 §2)',
  'list-unsubscribe.unsigned': 'The DKIM signature does not cover {headers} (RFC 8058 §4)',
  // freemail-sender
  'rule.freemail-sender.description': 'Sender address on a free-mail domain',
  'rule.freemail-sender.why':
    'You cannot publish SPF, DKIM or DMARC for a free-mail domain (gmail.com, yahoo.fr, orange.fr…): the provider’s own DMARC policy makes mail sent through a newsletter tool or another server fail, and filters distrust bulk mail from consumer domains. Send from a domain you own and authenticate it. A free-mail Reply-To under a different sender is a classic phishing pattern (SpamAssassin FREEMAIL_FORGED_REPLYTO).',
  'freemail-sender.from': 'Sender {address} is on the free-mail domain {domain}',
  'freemail-sender.setting': 'Sender {address} (mailproof.sender setting) is on the free-mail domain {domain}',
  'freemail-sender.replyTo': 'Reply-To {address} is a free-mail address that differs from the sender',
  // attachments
  'rule.attachments.description': 'Risky, numerous or heavy attachments',
  'rule.attachments.why':
    'Gmail and Outlook refuse executable attachments, and filters hold Office files with macros; archives are opened and scanned, and often held. Several or large attachments make the message heavy and suspicious, and many servers refuse messages over 10 to 25 MB. Share one archive through a confidential file transfer service or your company’s own server, and link to it.',
  'attachments.tooMany': 'Too many attachments ({count}; limit {max})',
  'attachments.tooLarge': 'Attachments too large ({size} MB in total; limit {max} MB)',
  'attachments.executable': 'Executable attachment “{name}” is blocked by mail providers',
  'attachments.macro': 'Office file with macros “{name}” is blocked or quarantined by mail providers',
  'attachments.archive': 'Archive attachment “{name}” is often held by filters; share a link instead',
  'attachments.related': 'Another attachment',
  // text-alternative
  'rule.text-alternative.description': 'Missing or mismatched plain-text version',
  'rule.text-alternative.why':
    'A message should carry a plain-text version of its HTML (multipart/alternative): text-only clients, watches and screen readers use it, and filters score HTML-only messages (SpamAssassin MIME_HTML_ONLY) and text versions that say something else than the HTML (MPART_ALT_DIFF), a trick to show filters one message and readers another. Generate the text version from the HTML, with the same content.',
  'text-alternative.htmlOnly': 'HTML message without a plain-text version',
  'text-alternative.nearlyEmpty': 'Plain-text version nearly empty ({textWords} of the HTML’s {htmlWords} words)',
  'text-alternative.differs': 'Plain-text version differs from the HTML ({percent}% of the HTML’s words are missing from it)',
  // mime-structure
  'rule.mime-structure.description': 'Malformed message structure',
  'rule.mime-structure.why':
    'Filters and mail clients read a malformed message differently: a part may vanish, headers may be read as text, and SpamAssassin and rspamd score structural defects (missing blank line, broken boundaries, missing Subject). Regenerate the file with your mail tool, or fix the structure by hand.',
  'parse.noHeaders': 'No header fields: the file is read as a bare message body',
  'parse.noBlankLine': 'No blank line between the header fields and the body',
  'parse.badHeaderLine': 'Line that is not a header field inside the header block (skipped)',
  'parse.missingHeader': 'The message has no {name} header',
  'parse.duplicateHeader': '{name} appears more than once (RFC 5322 allows one)',
  'parse.rawHeaderText': 'Unencoded non-ASCII characters in {name} (RFC 2047 encoding expected)',
  'parse.missingMimeVersion': 'MIME content without a MIME-Version header (RFC 2045 §4)',
  'parse.badContentType': 'Unusable Content-Type “{value}” (read as {used})',
  'parse.missingBoundary': 'Multipart content type without a boundary (read as plain text)',
  'parse.boundaryNotFound': 'Boundary “{boundary}” never appears in the body (read as one part)',
  'parse.missingDelimiter': 'The first part has no opening “--{boundary}” line (read anyway)',
  'parse.emptyMultipart': 'Multipart without any part',
  'parse.unterminatedMultipart': 'Multipart never closed by “--{boundary}--”',
  'parse.encodedMultipart': 'Multipart with transfer encoding {encoding} (RFC 2045 §6.4 allows 7bit, 8bit or binary)',
  'parse.unknownCharset': 'Unknown charset “{charset}” (read as UTF-8)',
  'parse.unknownEncoding': 'Unknown transfer encoding “{encoding}” (read as is)',
  'parse.badQuotedPrintable': '“=” that starts neither an escape nor a soft line break (quoted-printable)',
  'parse.badBase64': 'Characters outside the base64 alphabet in a base64 part (ignored)',
  'parse.invalidBytes': 'Bytes that are not valid {charset} in this part (shown as �)',
  'parse.moreProblems': '{count} more structure problems not listed',

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
  'category.impersonation': 'brand impersonation',
  'spam-phrase.impersonation': 'The sender name claims “{brand}” but the address is at {domain}',
  'category.custom': 'your phrase list',
  // Why a file is or is not linted (detect.ts)
  'detect.email': 'linted: looks like an email ({signals})',
  'detect.web': 'not linted: looks like a web page ({signals}); run “Mailproof: Lint This File as an Email” or add <!-- mailproof --> to force',
  'detect.unknown': 'nothing in the content says email or web page',
  'detect.forced': 'linted: you asked to lint this file as an email',
  'detect.ignored': 'not linted: matches the ignore pattern “{pattern}” of {file}',
  'detect.alwaysLint': 'linted: matches the alwaysLint pattern “{pattern}” of {file}',
  'detect.filesSetting': 'linted: matches the mailproof.files setting and nothing says web page',
  'detect.notInFiles': 'not linted: not under a folder of mailproof.files and nothing says email; run “Mailproof: Lint This File as an Email” to force',
  'detect.disabled': 'not linted: mailproof.enable is off for this folder',
  'detect.notDraftType': 'not linted: Mailproof lints .html, .txt, .mjml, .eml, Handlebars and Liquid files',
  'detect.emlFile': '.eml file',
  'detect.mjmlFile': '.mjml file',
  'detect.marker': '<!-- mailproof --> comment',
  'detect.mjml': 'MJML markup',
  'detect.msoConditional': 'Outlook conditional comments',
  'detect.presentationTable': 'presentation tables',
  'detect.fixedWidthContainer': 'a 550–700 px container',
  'detect.layoutTable': 'layout tables',
  'detect.mergeTag': 'merge tags',
  'detect.unsubscribe': 'an unsubscribe mention',
  'detect.emailHeaders': 'email headers',
  'detect.greeting': 'a greeting',
  'detect.templatePartial': 'a template fragment',
  'detect.ampEmail': 'AMP for Email markup',
  'detect.inky': 'Foundation for Emails (Inky) markup',
  'detect.viewInBrowser': 'a “view in browser” link',
  'detect.inlineStyles': 'inline styles',
  'detect.scriptSrc': 'script src',
  'detect.stylesheetLink': 'linked style sheets',
  'detect.templateInheritance': 'web-framework layout blocks',
  'detect.webForm': 'a web form',
  'detect.pageChrome': 'page navigation elements',

  // fixes
  'fix.replaceWith': 'Replace with “{text}”',
  'fix.sentenceCase': 'Convert to sentence case',
  'fix.collapseExclamations': 'Replace with a single “!”',
  'fix.keepFirstEmoji': 'Keep only the first emoji',
  'fix.removeSurplusEmoji': 'Remove the extra emoji ({count})',
  'fix.removeElement': 'Remove the <{tag}> element',
  'fix.removeAttribute': 'Remove the {name} attribute',
  'fix.setWidth': 'Set the width to {width} px',
  'fix.addEmptyAlt': 'Add alt="" (decorative image)',
  'fix.removeTrackingPixel': 'Remove the tracking pixel',
  'fix.useHttps': 'Switch to https:',
  'fix.insertUnsubscribeFooter': 'Insert an unsubscribe footer',
  'fix.markTransactional': 'Mark this draft as transactional',
  'fix.addListUnsubscribePost': 'Add “List-Unsubscribe-Post: List-Unsubscribe=One-Click”',
  'fix.setListUnsubscribePost': 'Set List-Unsubscribe-Post to “List-Unsubscribe=One-Click”',
  'fix.addListUnsubscribeMailto': 'Add a List-Unsubscribe header that mails {address}',
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
  'option.html-width.maxWidth': 'Widest layout width allowed, in pixels.',
  'option.hidden-text.maxPreheaderChars': 'Longest hidden preheader allowed at the top of the body, in characters.',
  'option.image-ratio.minTextChars': 'Fewest characters of visible text in a message with images (spaces not counted).',
  'option.image-ratio.areaPerChar': 'Image area, in px², that each character of text can balance.',
  'option.image-ratio.minImageSide': 'Images narrower or shorter than this, in pixels, are not counted (icons, logos, spacers).',
  'option.image-size.maxImageKb': 'Heaviest image allowed, in KB.',
  'option.image-size.maxTotalKb': 'Heaviest total for all images, in KB.',
  'option.message-size.maxHtmlKb': 'Largest HTML size before Gmail clips the message, in KB.',
  'option.message-size.maxStyleKb': 'Largest <style> block, in KB.',
  'option.attachments.maxCount': 'Most attachments allowed (inline images not counted).',
  'option.attachments.maxTotalMB': 'Largest total size of the attachments, in megabytes.',
  'option.text-alternative.maxDifferencePercent': 'Largest share of the HTML’s words (in percent) that may be missing from the plain-text version.',

  // inserted unsubscribe footer, in the draft's language
  'footer.reason': 'You receive this email because you subscribed to our mailing list',
  'footer.unsubscribe': 'Unsubscribe',
  'footer.unsubscribeLine': 'Unsubscribe: {url}',
  'footer.identity': '[Company name, postal address]',
  'footer.mailSubject': 'unsubscribe',

  // configuration problems
  'lint.moreFindings': '{count} more {rule} findings in this file not listed (at most {max} per rule)',
  'config.notObject': 'The configuration must be a JSON object',
  'config.unknownOption': 'Unknown option “{name}”',
  'config.unknownRule': 'Unknown rule “{rule}”',
  'config.unknownRuleOption': 'Rule “{rule}” has no option “{name}”',
  'config.badType': '“{path}” must be {type}',
  'config.badEnum': '“{path}” must be one of {values}',
  'config.tooLong': '“{path}” is longer than {max} characters',
  'config.outOfRange': '“{path}” must be between {min} and {max}',
  'config.tooManyItems': '“{path}” lists {count} items (at most {max})',
  'config.missingProperty': '“{path}” needs “{name}”',
  'config.tooManySpellings': '“{path}” expands to more than {max} spellings through its optional groups',

  // spelling
  'rule.spelling.description': 'Misspelled words, in French and English',
  'rule.spelling.why':
    'Typos and missing accents make a message look careless or fraudulent: readers trust it less, report it more, and filters trained on phishing see the same sloppiness. Mailproof checks the visible text and the subject with the Hunspell dictionaries, and skips merge tags, links, addresses, codes and brand names.',
  'spelling.unknown': '“{word}” is not in the {language} dictionary',
  'spelling.accent': '“{word}” should be “{replacement}” here',
  'spelling.realWord': '“{word}” is a word, but here “{intended}” seems meant',
  'spelling.truncated': 'Spelling stopped after {count} unknown words: is the draft in another language?',
  'spelling.language.fr': 'French',
  'spelling.language.en': 'English',
  'spelling.addWord': 'Add “{word}” to the project dictionary',
  'spelling.addWordUser': 'Add “{word}” to the user dictionary',
  'spelling.noSuggestion': 'No spelling suggestion for “{word}”',
  // grammar
  'rule.grammar.description': 'Grammar mistakes, from Grammalecte or your LanguageTool server',
  'rule.grammar.why':
    'Agreement and conjugation mistakes read as carelessness, like typos. Mailproof asks a grammar checker you installed or run yourself (Grammalecte for French, a LanguageTool server), never a public service: drafts stay private.',
  'grammar.issue': '{message}',

  // spam score explanations (src/engine/score/explain.ts)
  'score.word': '“{word}”',
  'score.subjectWord': '“{word}” in the subject',
  'score.rule': '{rule} ({count}×)',
  'score.structure.links': 'number of links',
  'score.structure.linkDomains': 'number of linked domains',
  'score.structure.images': 'number of images',
  'score.structure.textChars': 'amount of text',
  'score.structure.imageShare': 'share of images against text',
  'score.structure.capsRatio': 'capital letters',
  'score.structure.capsWords': 'words in capitals',
  'score.structure.exclamations': 'exclamation marks',
  'score.structure.subjectExclamation': '“!” in the subject',
  'score.structure.emoji': 'number of emoji',
  'score.structure.hiddenChars': 'hidden text',
  'score.mailType.bulk': 'bulk mail',
  'score.mailType.transactional': 'transactional mail',
  'score.mailType.personal': 'personal mail',
  'score.mailTypeDetected': '{type} (detected)',
  'score.likelySpam': 'likely spam',
  'score.probability': 'spam probability {percent}%',
  'score.raisedBy': 'raised by',
  'score.loweredBy': 'lowered by',
  'score.requirement.unsubscribe-link': 'Visible unsubscribe link',
  'score.requirement.one-click-unsubscribe': 'One-click unsubscribe (List-Unsubscribe-Post, RFC 8058)',
  'score.requirement.postal-address': 'Sender’s postal address',
  'score.requirement.met': 'met',
  'score.requirement.unmet': 'not met',
  'score.requirement.unchecked': 'not checked',
};
