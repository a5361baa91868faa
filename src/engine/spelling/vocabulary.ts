/**
 * Words that belong in email and marketing copy but that general dictionaries lack: the trade's
 * vocabulary in French and English, and the brands a campaign names (ESPs, mailboxes,
 * networks, shops, payment). Accepted in both languages, whatever their case. Written for
 * Mailproof; users add their own with `words` in `.mailproofrc.json` or the settings.
 */
export const EMAIL_VOCABULARY: readonly string[] = [
  // Email and campaigns
  'email', 'emails', 'e-mail', 'e-mails', 'emailing', 'emailings', 'e-mailing', 'mailing', 'mailings', 'newsletter',
  'newsletters', 'preheader', 'pré-header', 'pre-header', 'header', 'footer', 'template', 'templates', 'opt-in',
  'opt-out', 'optin', 'optout', 'double-opt-in', 'unsubscribe', 'unsubscribed', 'désabonnement', 'désinscription',
  'délivrabilité', 'deliverability', 'bounce', 'bounces', 'hardbounce', 'softbounce', 'blocklist', 'blocklists',
  'allowlist', 'allowlists', 'whitelist', 'blacklist', 'spam', 'spams', 'spammeur', 'spammeurs', 'phishing',
  'autorépondeur', 'autoresponder', 'cliquable', 'cliquables', 'responsive', 'webmail', 'webmails', 'inbox',
  'mailto', 'dark-mode', 'darkmode', 'plaintext', 'multipart', 'tracking', 'retargeting', 'remarketing',
  // Marketing and e-commerce
  'webinar', 'webinars', 'webinaire', 'webinaires', 'e-shop', 'eshop', 'e-commerce', 'ecommerce', 'e-boutique',
  'click', 'collect', 'click-and-collect', 'drive', 'replay', 'replays', 'podcast', 'podcasts', 'live', 'lives',
  'e-book', 'e-books', 'ebook', 'ebooks', 'e-learning', 'elearning', 'e-carte', 'e-billet', 'e-billets', 'cashback',
  'landing', 'onboarding', 'upsell', 'cross-sell', 'lead', 'leads', 'startup', 'startups', 'start-up', 'start-ups',
  'showroom', 'pop-up', 'popup', 'popups', 'coworking', 'afterwork', 'brunch', 'weekend', 'weekends', 'best-seller',
  'best-sellers', 'bestseller', 'bestsellers', 'must-have', 'lookbook', 'wishlist', 'checkout', 'dropshipping',
  'crowdfunding', 'freelance', 'freelances', 'storytelling', 'call-to-action', 'influenceur', 'influenceurs',
  'influenceuse', 'influenceuses', 'influencer', 'influencers', 'hashtag', 'hashtags', 'story', 'stories', 'reel',
  'reels', 'feed', 'follower', 'followers', 'like', 'likes', 'tag', 'tags', 'blog', 'blogs', 'blogueur',
  'blogueuse', 'vlog', 'unboxing', 'shopping', 'bundle', 'bundles', 'black', 'friday', 'cyber', 'monday', 'online',
  'offline', 'login', 'logout', 'app', 'apps', 'appli', 'applis', 'smartphone', 'smartphones', 'visio',
  'visioconférence', 'visioconférences', 'chatbot', 'chat', 'tuto', 'tutos', 'top', 'tips', 'dashboard', 'feedback',
  'feedbacks', 'parrainage', 'parrainer', 'filleul', 'filleule', 'filleuls', 'e-réputation', 'géolocalisation',
  'cookie', 'cookies', 'rgpd', 'gdpr', 'captcha', 'covoiturage', 'télétravail', 'microsite', 'webshop',
  'unsubscription', 'signup', 'signups', 'sign-up', 'add-on', 'add-ons', 'addon', 'addons', 'plug-in', 'plug-ins',
  'plugin', 'plugins', 'integrations', 'roadmap', 'roadmaps', 'rollout', 'rollouts', 'changelog', 'changelogs',
  'repo', 'repos', 'dev', 'devs', 'prerelease', 'prereleases', 'hackathon', 'hackathons', 'meetup', 'meetups',
  'webview', 'webpage', 'webpages', 'viewport', 'viewports', 'backend', 'frontend', 'walkthrough', 'watchlist',
  'iframe', 'iframes', 'polyfill', 'polyfills', 'fallback', 'fallbacks', 'toolkit', 'toolkits', 'natively',
  'reimagined', 'inclusivity', 'underserved', 'roundtable', 'livestream', 'livestreams', 'upskilling',
  // File types named in mail text (`download the pdf`)
  'pdf', 'pdfs', 'jpg', 'jpeg', 'png', 'gif', 'gifs', 'csv', 'docx', 'xlsx', 'pptx', 'zip',
  'rdv', 'siret', 'siren', 'démat', 'dématérialisation', 'visioconférence', 'lien', 'cliquez-ici',
  // Name particles and common loanwords met in both languages
  'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'di', 'da', 'del', 'dos',
  // Brands: email service providers and tools
  'mailchimp', 'brevo', 'sendinblue', 'mailjet', 'sendgrid', 'klaviyo', 'hubspot', 'salesforce', 'marketo',
  'mailgun', 'postmark', 'mandrill', 'litmus', 'mjml', 'substack', 'beehiiv', 'convertkit', 'activecampaign',
  'omnisend', 'sarbacane', 'dolist', 'splio', 'selligent', 'actito', 'mailinblack', 'plezi', 'livestorm', 'webikeo',
  'typeform', 'calendly', 'eventbrite', 'weezevent', 'helloasso', 'ulule', 'kisskissbankbank', 'kickstarter',
  'surveymonkey', 'qualtrics', 'zapier', 'canva', 'figma', 'notion', 'airtable', 'intercom', 'zendesk', 'freshdesk',
  'crisp', 'slack', 'zoom', 'teams', 'trello', 'asana', 'dropbox', 'wetransfer', 'adobe', 'photoshop', 'illustrator',
  'acrobat', 'github', 'gitlab', 'jira', 'confluence', 'webkit', 'chromium',
  // Mailboxes, platforms and networks
  'gmail', 'outlook', 'hotmail', 'yahoo', 'icloud', 'thunderbird', 'laposte', 'wanadoo', 'protonmail', 'proton',
  'linkedin', 'tiktok', 'instagram', 'facebook', 'whatsapp', 'youtube', 'twitter', 'pinterest', 'snapchat',
  'bluesky', 'mastodon', 'telegram', 'messenger', 'twitch', 'discord', 'google', 'microsoft', 'apple', 'android',
  'ios', 'iphone', 'ipad', 'macos', 'windows', 'chrome', 'firefox', 'safari', 'amazon', 'netflix', 'spotify',
  'deezer', 'uber', 'airbnb', 'booking', 'tripadvisor', 'trustpilot', 'wordpress', 'shopify', 'woocommerce',
  'prestashop', 'magento', 'wix', 'squarespace', 'webflow',
  // Payment, shops and delivery
  'paypal', 'stripe', 'lydia', 'klarna', 'alma', 'sumup', 'qonto', 'revolut', 'doctolib', 'leboncoin', 'vinted',
  'cdiscount', 'fnac', 'darty', 'decathlon', 'sephora', 'zalando', 'ikea', 'chronopost', 'colissimo', 'dhl',
  'fedex', 'ups', 'relay',
];
