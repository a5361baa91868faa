// Sets of IP addresses as sorted, disjoint [start, end) ranges per family, to compute what an SPF
// tree effectively authorizes (RFC 7208 §4.6.2: the first matching mechanism decides).
import type { IpAddress } from '../dns/ip';

type Range = readonly [bigint, bigint];

/** Addresses of both families. */
export interface AddressSet {
  v4: Range[];
  v6: Range[];
}

export const IPV4_SPACE = 1n << 32n;
export const IPV6_SPACE = 1n << 128n;

export const emptySet = (): AddressSet => ({ v4: [], v6: [] });
export const everything = (): AddressSet => ({ v4: [[0n, IPV4_SPACE]], v6: [[0n, IPV6_SPACE]] });

/** The network of `prefix` bits around an address. */
export function networkSet(ip: IpAddress, prefix: number): AddressSet {
  const bits = ip.version === 4 ? 32 : 128;
  let value = 0n;
  for (const b of ip.bytes) value = (value << 8n) | BigInt(b);
  const hostBits = BigInt(bits - Math.max(0, Math.min(bits, prefix)));
  const start = (value >> hostBits) << hostBits;
  const range: Range = [start, start + (1n << hostBits)];
  return ip.version === 4 ? { v4: [range], v6: [] } : { v4: [], v6: [range] };
}

function unionRanges(a: Range[], b: Range[]): Range[] {
  const all = [...a, ...b].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) {
      if (e > last[1]) last[1] = e;
    } else out.push([s, e]);
  }
  return out;
}

function subtractRanges(a: Range[], b: Range[]): Range[] {
  const out: Range[] = [];
  let j = 0;
  for (const [s0, e] of a) {
    let s = s0;
    while (j < b.length && b[j][1] <= s) j++;
    let k = j;
    while (s < e && k < b.length && b[k][0] < e) {
      if (b[k][0] > s) out.push([s, b[k][0]]);
      s = b[k][1] > s ? b[k][1] : s;
      k++;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

export function union(a: AddressSet, b: AddressSet): AddressSet {
  return { v4: unionRanges(a.v4, b.v4), v6: unionRanges(a.v6, b.v6) };
}

export function subtract(a: AddressSet, b: AddressSet): AddressSet {
  return { v4: subtractRanges(a.v4, b.v4), v6: subtractRanges(a.v6, b.v6) };
}

/** How many addresses of each family. */
export function sizes(s: AddressSet): { v4: bigint; v6: bigint } {
  const sum = (rs: Range[]) => rs.reduce((n, [x, y]) => n + (y - x), 0n);
  return { v4: sum(s.v4), v6: sum(s.v6) };
}

/** A share of the address space as a percentage with two decimals ("0.39"). */
export function percentOf(count: bigint, space: bigint): string {
  const hundredths = (count * 10000n) / space;
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0');
  return `${whole}.${frac}`;
}

/** A binary min-heap of indices. */
class IndexHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): number {
    return this.items[0];
  }
  push(v: number): void {
    const a = this.items;
    a.push(v);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): void {
    const a = this.items;
    const last = a.pop()!;
    if (!a.length) return;
    a[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l] < a[m]) m = l;
      if (r < a.length && a[r] < a[m]) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i], a[m]];
      i = m;
    }
  }
}

function append(out: [bigint, bigint][], s: bigint, e: bigint): void {
  const last = out[out.length - 1];
  if (last && last[1] === s) last[1] = e;
  else out.push([s, e]);
}

/** One family: a sweep over every range's ends, the lowest active index deciding each segment. */
function firstMatchRanges(lists: Range[][], pass: boolean[]): { pass: Range[]; per: Range[][] } {
  const events: [bigint, number, number][] = [];
  lists.forEach((rs, i) => {
    for (const [s, e] of rs) events.push([s, i, 1], [e, i, -1]);
  });
  events.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const active = new Int32Array(lists.length);
  const heap = new IndexHeap();
  const out: [bigint, bigint][] = [];
  const per: [bigint, bigint][][] = lists.map(() => []);
  let k = 0;
  while (k < events.length) {
    const pos = events[k][0];
    for (; k < events.length && events[k][0] === pos; k++) {
      const [, i, d] = events[k];
      active[i] += d;
      if (d > 0) heap.push(i);
    }
    if (k >= events.length) break;
    while (heap.size && active[heap.peek()] <= 0) heap.pop();
    if (!heap.size) continue;
    const i = heap.peek();
    if (pass[i]) {
      append(out, pos, events[k][0]);
      append(per[i], pos, events[k][0]);
    }
  }
  return { pass: out, per };
}

/**
 * RFC 7208 §4.6.2 over sets: mechanisms in order, the first whose set holds an address decides
 * it. Returns the addresses decided by an entry with `pass`, overall and per entry. A sweep in
 * O(n log n) over all ranges: folding set by set was quadratic on records of thousands of terms.
 */
export function firstMatch(entries: { set: AddressSet; pass: boolean }[]): { pass: AddressSet; per: AddressSet[] } {
  const flags = entries.map((e) => e.pass);
  const v4 = firstMatchRanges(entries.map((e) => e.set.v4), flags);
  const v6 = firstMatchRanges(entries.map((e) => e.set.v6), flags);
  return { pass: { v4: v4.pass, v6: v6.pass }, per: entries.map((_, i) => ({ v4: v4.per[i], v6: v6.per[i] })) };
}
