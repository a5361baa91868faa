// General-purpose URL shorteners: anyone can make them point anywhere, so filters cannot see
// where a link goes and spammers use them to dodge domain blocklists. Hosts taken as facts from
// SpamAssassin's url_shortener list (25_url_shortener.cf) and the best-known services.
//
// Left out on purpose: first-party short domains that only lead to their owner's own site
// (youtu.be, amzn.to, flic.kr, doi.org, wp.me, fb.me, eepurl.com…): they hide nothing.

/** Shortener hosts, matched exactly or with a `www.` prefix. */
export const SHORTENER_HOSTS: ReadonlySet<string> = new Set([
  '0rz.tw', '4url.cc', 'adf.ly', 'alturl.com', 'b.link', 'b23.ru', 'bit.do', 'bit.ly', 'bitly.com', 'bitly.ws',
  'buff.ly', 'chilp.it', 'clck.ru', 'crks.me', 'cutt.ly', 'cutwin.biz', 'dlvr.it', 'doiop.com', 'fire.to',
  'firsturl.de', 'firsturl.net', 'gdurl.com', 'go.ly', 'goo.gl', 'goolnk.com', 'gplinks.in', 'grabify.link',
  'han.gl', 'hop.kz', 'hotshorturl.com', 'hurl.it', 'hyperurl.co', 'ift.tt', 'inx.lv', 'is.gd', 'it2.in', 'j.mp',
  'kisa.link', 'kore.us', 'kurl.no', 'lnk.sk', 'lnkd.in', 'lnkiy.in', 'lru.jp', 'm2.do', 'n9.cl', 'ndurl.com',
  'ouo.io', 'ow.ly', 'owl.li', 'rb.gy', 'rebrand.ly', 'redir.ec', 's.id', 'shar.es', 'shorl.com', 'shorte.st',
  'shortn.me', 'shorturl.asia', 'shorturl.at', 'simurl.net', 'smarturl.it', 'smfu.in', 'snip.ly', 'snkr.me',
  't.co', 't.ly', 'tiny.cc', 'tiny.one', 'tiny.pl', 'tinylink.in', 'tinyurl.com', 'to.ly', 'tr.im', 'trib.al',
  'twixar.me', 'u.nu', 'u.to', 'ur3.us', 'url.ie', 'urlcut.com', 'urlday.cc', 'urls.im', 'urlz.at', 'urlzs.com',
  'utfg.sk', 'v.gd', 'wow.link', 'x.co', 'xurl.es', 'z23.ru', 'zurl.ws',
  '2.ly', '3.ly', '4.ly', '6.ly', '7.ly', '8.ly', '9.ly', '0.gp', '2.gp', '4.gp', '5.gp', '6.gp',
]);

/** Shortener services that give every customer a subdomain (Firebase Dynamic Links, Branch, Short.io). */
export const SHORTENER_SUFFIXES: readonly string[] = ['.page.link', '.app.link', '.short.gy', '.shortz.me', '.shorturl.com'];

/** True when a (lowercase) host belongs to a general-purpose URL shortener. */
export function isShortenerHost(host: string): boolean {
  const h = host.startsWith('www.') ? host.slice(4) : host;
  if (SHORTENER_HOSTS.has(h)) return true;
  return SHORTENER_SUFFIXES.some((s) => h.endsWith(s));
}
