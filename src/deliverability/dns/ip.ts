// IP address parsing, CIDR matching and reverse-DNS names, written out so the SPF evaluator
// can match networks exactly (RFC 7208 §5.6) without depending on platform quirks.

/** A parsed address: 4 bytes for IPv4, 16 for IPv6. */
export interface IpAddress {
  version: 4 | 6;
  bytes: number[];
}

const IPV4_RE = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Strict dotted quad (no leading zeros, RFC 7208 §5.6 `ip4-network`). */
export function parseIpv4(text: string): IpAddress | undefined {
  const m = IPV4_RE.exec(text);
  if (!m) return undefined;
  return { version: 4, bytes: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] };
}

/** IPv6 in any RFC 4291 §2.2 text form, including `::` and an embedded dotted quad. */
export function parseIpv6(text: string): IpAddress | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.length > 45) return undefined;
  let head = text;
  let tailV4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    tailV4 = v4.bytes;
    head = text.slice(0, lastColon + 1);
    // "::1.2.3.4" leaves "::", "64:ff9b::1.2.3.4" leaves "64:ff9b::"; a single trailing ":" is wrong.
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const groupsWanted = tailV4.length ? 6 : 8;
  const parts = head.split('::');
  if (parts.length > 2) return undefined;
  const parse = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = parse(parts[0]);
  const right = parts.length === 2 ? parse(parts[1]) : [];
  if (!left || !right) return undefined;
  let groups: number[];
  if (parts.length === 2) {
    const fill = groupsWanted - left.length - right.length;
    if (fill < 1) return undefined;
    groups = [...left, ...new Array<number>(fill).fill(0), ...right];
  } else {
    if (left.length !== groupsWanted) return undefined;
    groups = left;
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  bytes.push(...tailV4);
  return { version: 6, bytes };
}

/** Parses either family. */
export function parseIp(text: string): IpAddress | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

/** An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) as the IPv4 address it stands for (RFC 7208 §5). */
export function unmapIpv4(ip: IpAddress): IpAddress {
  if (ip.version === 6 && ip.bytes.slice(0, 10).every((b) => b === 0) && ip.bytes[10] === 0xff && ip.bytes[11] === 0xff) {
    return { version: 4, bytes: ip.bytes.slice(12) };
  }
  return ip;
}

/** True when the first `prefix` bits of both addresses (same family) are equal. */
export function inNetwork(ip: IpAddress, network: IpAddress, prefix: number): boolean {
  if (ip.version !== network.version) return false;
  let bits = prefix;
  for (let i = 0; i < ip.bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[i] & mask) !== (network.bytes[i] & mask)) return false;
  }
  return true;
}

/** Canonical text: dotted quad, or RFC 5952 compressed lowercase IPv6. */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return ip.bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip.bytes[i] << 8) | ip.bytes[i + 1]);
  // RFC 5952 §4.2.3: compress the longest run of two or more zero groups, the first one on a tie.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** The labels of the reverse name, most significant last: `4.3.2.1` or the 32 IPv6 nibbles. */
export function reverseLabels(ip: IpAddress): string[] {
  if (ip.version === 4) return ip.bytes.map(String).reverse();
  const nibbles: string[] = [];
  for (const b of ip.bytes) nibbles.push((b >> 4).toString(16), (b & 0xf).toString(16));
  return nibbles.reverse();
}

/** `4.3.2.1.in-addr.arpa` / nibble-reversed `….ip6.arpa` (RFC 1035 §3.5, RFC 3596 §2.5). */
export function reverseName(ip: IpAddress): string {
  return `${reverseLabels(ip).join('.')}.${ip.version === 4 ? 'in-addr' : 'ip6'}.arpa`;
}

/** Same address, compared byte by byte (after unmapping IPv4-mapped IPv6). */
export function sameIp(a: IpAddress, b: IpAddress): boolean {
  const x = unmapIpv4(a);
  const y = unmapIpv4(b);
  return x.version === y.version && x.bytes.every((v, i) => v === y.bytes[i]);
}
