// A small authoritative DNS server on loopback for the end-to-end tests: it answers from an
// in-memory zone over UDP and TCP, records every question, and answers NXDOMAIN for names it
// does not hold and NODATA for types a name does not have. It needs only node:dgram and
// node:net, so it runs in the test driver and inside the VS Code extension host alike.
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Record types the server can serve (RFC 1035 §3.2.2, RFC 3596 for AAAA). */
export type RecordType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR' | 'CNAME' | 'NS';

/** A record: TXT values are the text (split into 255-byte strings on the wire), MX is `priority host`. */
export interface ZoneRecord {
  type: RecordType;
  value: string;
  ttl?: number;
}

/** Names (case-insensitive, without the trailing dot) to their records. */
export type Zone = Record<string, ZoneRecord[]>;

/** A question the server received, and how it answered. */
export interface Question {
  name: string;
  type: string;
  /** NOERROR with `answers` records (0: NODATA), or NXDOMAIN. */
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: number;
  /** Milliseconds since the server started. */
  at: number;
}

const TYPE_CODE: Record<RecordType, number> = { A: 1, NS: 2, CNAME: 5, PTR: 12, MX: 15, TXT: 16, AAAA: 28 };
const CODE_TYPE = new Map<number, string>(Object.entries(TYPE_CODE).map(([k, v]) => [v, k]));
// RFC 1035 §4.1.1 response codes.
const RCODE_NXDOMAIN = 3;
const RCODE_FORMERR = 1;
// RFC 1035 §3.3.14: a <character-string> is at most 255 bytes.
const MAX_CHARACTER_STRING = 255;

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  const out: Buffer[] = [];
  for (const p of parts) {
    const b = Buffer.from(p, 'ascii');
    out.push(Buffer.from([b.length]), b);
  }
  out.push(Buffer.from([0]));
  return Buffer.concat(out);
}

function encodeRdata(r: ZoneRecord): Buffer {
  switch (r.type) {
    case 'A':
      return Buffer.from(r.value.split('.').map(Number));
    case 'AAAA': {
      const [head, tail = ''] = r.value.split('::');
      const h = head ? head.split(':') : [];
      const t = tail ? tail.split(':') : [];
      const groups = r.value.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
      const b = Buffer.alloc(16);
      groups.forEach((g, i) => b.writeUInt16BE(parseInt(g || '0', 16), i * 2));
      return b;
    }
    case 'MX': {
      const [prio, host] = r.value.split(/\s+/);
      const b = Buffer.alloc(2);
      b.writeUInt16BE(Number(prio));
      return Buffer.concat([b, encodeName(host)]);
    }
    case 'TXT': {
      const bytes = Buffer.from(r.value, 'utf8');
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length || i === 0; i += MAX_CHARACTER_STRING) {
        const c = bytes.subarray(i, i + MAX_CHARACTER_STRING);
        chunks.push(Buffer.from([c.length]), c);
      }
      return Buffer.concat(chunks);
    }
    case 'PTR':
    case 'CNAME':
    case 'NS':
      return encodeName(r.value);
  }
}

function readName(msg: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let i = offset;
  for (let guard = 0; guard < 128; guard++) {
    const len = msg[i];
    if (len === undefined) throw new Error('truncated name');
    if (len === 0) return { name: labels.join('.'), next: i + 1 };
    // Queries carry no compression pointers; refuse them rather than follow loops.
    if (len & 0xc0) throw new Error('compressed name in a question');
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('ascii'));
    i += 1 + len;
  }
  throw new Error('name too long');
}

/** Builds the answer to one query message; undefined when the message is not worth answering. */
function answer(query: Buffer, zone: Zone, seen: Question[], started: number): Buffer | undefined {
  if (query.length < 12) return undefined;
  const id = query.readUInt16BE(0);
  const flags = query.readUInt16BE(2);
  if (flags & 0x8000) return undefined; // a response, not a query
  const rd = flags & 0x0100;
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  let question: Buffer;
  let name: string;
  let qtype: number;
  try {
    if (query.readUInt16BE(4) !== 1) throw new Error('expected one question');
    const q = readName(query, 12);
    name = q.name.toLowerCase();
    qtype = query.readUInt16BE(q.next);
    question = query.subarray(12, q.next + 4);
  } catch {
    header.writeUInt16BE(0x8000 | rd | RCODE_FORMERR, 2);
    return header;
  }
  const records = zone[name];
  const matching = (records ?? []).filter((r) => TYPE_CODE[r.type] === qtype || (r.type === 'CNAME' && qtype !== TYPE_CODE.CNAME));
  const rcode = records ? 0 : RCODE_NXDOMAIN;
  seen.push({ name, type: CODE_TYPE.get(qtype) ?? String(qtype), rcode: records ? 'NOERROR' : 'NXDOMAIN', answers: matching.length, at: Date.now() - started });
  // QR, AA, RD copied, RA off: an authoritative server.
  header.writeUInt16BE(0x8000 | 0x0400 | rd | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(matching.length, 6);
  const answers = matching.map((r) => {
    const rdata = encodeRdata(r);
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(TYPE_CODE[r.type], 0);
    fixed.writeUInt16BE(1, 2); // class IN
    fixed.writeUInt32BE(r.ttl ?? 60, 4);
    fixed.writeUInt16BE(rdata.length, 8);
    return Buffer.concat([encodeName(name), fixed, rdata]);
  });
  return Buffer.concat([header, question, ...answers]);
}

/** A running server; `address` is `127.0.0.1:PORT` as resolvers and the settings take it. */
export interface DnsServer {
  host: string;
  port: number;
  address: string;
  /** Every question received, in order. */
  questions: Question[];
  /** Replaces the zone served from now on. */
  setZone(zone: Zone): void;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 (UDP and TCP on the same port; port 0 picks a free one). */
export async function startDnsServer(zone: Zone, port = 0): Promise<DnsServer> {
  // A free UDP port can be taken on TCP by another program: pick another one then.
  for (let attempt = 1; ; attempt++) {
    try {
      return await listen(zone, port);
    } catch (e) {
      if (port !== 0 || attempt >= 5 || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    }
  }
}

async function listen(zone: Zone, port: number): Promise<DnsServer> {
  let current = normalize(zone);
  const questions: Question[] = [];
  const started = Date.now();
  const udp: Socket = createSocket('udp4');
  udp.on('message', (msg, rinfo) => {
    const res = answer(msg, current, questions, started);
    if (res) udp.send(res, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(port, '127.0.0.1', () => resolve());
  });
  const udpPort = (udp.address() as AddressInfo).port;
  // RFC 7766: DNS over TCP, each message prefixed by its 2-byte length.
  const tcp: Server = createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const len = buf.readUInt16BE(0);
        const res = answer(buf.subarray(2, 2 + len), current, questions, started);
        buf = buf.subarray(2 + len);
        if (res) {
          const prefix = Buffer.alloc(2);
          prefix.writeUInt16BE(res.length);
          sock.write(Buffer.concat([prefix, res]));
        }
      }
    });
    sock.on('error', () => sock.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', (e) => {
      udp.close();
      reject(e);
    });
    tcp.listen(udpPort, '127.0.0.1', () => resolve());
  });
  return {
    host: '127.0.0.1',
    port: udpPort,
    address: `127.0.0.1:${udpPort}`,
    questions,
    setZone(z) {
      current = normalize(z);
    },
    close: () =>
      new Promise<void>((resolve) => {
        udp.close(() => tcp.close(() => resolve()));
      }),
  };
}

function normalize(zone: Zone): Zone {
  const out: Zone = {};
  for (const [k, v] of Object.entries(zone)) out[k.toLowerCase().replace(/\.$/, '')] = v;
  return out;
}
