// A small authoritative DNS server on loopback (UDP and TCP on the same port) serving fixture
// zones, built on dns-packet. It can misbehave on purpose per name: SERVFAIL, REFUSED, silence
// (timeout), truncation (TC bit over UDP, full answer over TCP), truncation followed by a broken
// TCP answer, answers with the wrong transaction id, malformed packets and 5-second delays.
// UDP answers over 1232 bytes (the EDNS buffer size of DNS Flag Day 2020) are sent truncated.
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import * as dnsPacket from 'dns-packet';

export type FixtureRecord =
  | { type: 'TXT'; data: string | string[] | Buffer[] }
  | { type: 'A' | 'AAAA' | 'PTR' | 'CNAME'; data: string }
  | { type: 'MX'; data: { preference: number; exchange: string } };

export type Behaviour = 'servfail' | 'refused' | 'silent' | 'truncate' | 'malformed' | 'truncate-badtcp' | 'wrong-id' | 'slow';

/** Delay of the 'slow' behaviour: longer than any query timeout the checks use. */
export const SLOW_ANSWER_MS = 5000;
// DNS Flag Day 2020: 1232 bytes is the UDP payload size resolvers advertise and servers honour.
const MAX_UDP_ANSWER = 1232;

export interface DnsServerOptions {
  /** Records by owner name (case-insensitive, no trailing dot). */
  zones: Record<string, FixtureRecord[]>;
  /** Names (exact, case-insensitive) that misbehave, for every query type. */
  behaviours?: Record<string, Behaviour>;
  /** Delay before every answer, in ms (benchmarks). */
  delayMs?: number;
  /** Answer nothing at all (a dead server that still accepts packets). */
  silent?: boolean;
}

export interface DnsTestServer {
  host: string;
  port: number;
  /** "127.0.0.1:PORT", ready for --dns. */
  address: string;
  /** Every question received: "UDP TXT example.com". */
  log: string[];
  close(): Promise<void>;
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };

/** Splits long TXT strings into the 255-octet character-strings of RFC 1035 §3.3.14. */
function txtChunks(data: string | string[] | Buffer[]): Buffer[] {
  const parts = (Array.isArray(data) ? data : [data]).map((d) => (Buffer.isBuffer(d) ? d : Buffer.from(d, 'utf8')));
  const out: Buffer[] = [];
  for (const p of parts) {
    if (p.length === 0) out.push(p);
    for (let i = 0; i < p.length; i += 255) out.push(p.subarray(i, i + 255));
  }
  return out;
}

function norm(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** Builds the answer packet for one query, following CNAMEs inside the fixture zones. */
function answer(opts: DnsServerOptions, query: dnsPacket.Packet, transport: 'UDP' | 'TCP'): Buffer | undefined {
  const q = query.questions?.[0];
  const base = { id: query.id, type: 'response' as const, questions: query.questions ?? [] };
  const flags = dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED);
  if (!q) return dnsPacket.encode({ ...base, flags: flags | 1 });
  const behaviour = opts.behaviours?.[norm(q.name)];
  if (behaviour === 'silent') return undefined;
  if (behaviour === 'servfail') return dnsPacket.encode({ ...base, flags: flags | RCODE.SERVFAIL });
  if (behaviour === 'refused') return dnsPacket.encode({ ...base, flags: flags | RCODE.REFUSED });
  if ((behaviour === 'truncate' || behaviour === 'truncate-badtcp') && transport === 'UDP') return dnsPacket.encode({ ...base, flags: flags | dnsPacket.TRUNCATED_RESPONSE });
  // Bytes that are no DNS message where the TCP answer should be (framed as one).
  if (behaviour === 'truncate-badtcp') return Buffer.from('\u00ff\u00fe garbage, not a DNS message', 'latin1');
  const answers: dnsPacket.Answer[] = [];
  let name = norm(q.name);
  let exists = false;
  for (let hop = 0; hop < 8; hop++) {
    const records = opts.zones[name] ?? Object.entries(opts.zones).find(([k]) => norm(k) === name)?.[1];
    if (!records) break;
    exists = true;
    const cname = records.find((r) => r.type === 'CNAME');
    if (cname && q.type !== 'CNAME') {
      answers.push({ name, type: 'CNAME', ttl: 60, data: cname.data as string } as dnsPacket.Answer);
      name = norm(cname.data as string);
      continue;
    }
    for (const r of records) {
      if (r.type !== q.type) continue;
      if (r.type === 'TXT') answers.push({ name, type: 'TXT', ttl: 60, data: txtChunks(r.data) } as dnsPacket.Answer);
      else answers.push({ name, type: r.type, ttl: 60, data: r.data } as dnsPacket.Answer);
    }
    break;
  }
  const rcode = exists || answers.length ? RCODE.NOERROR : RCODE.NXDOMAIN;
  let packet = dnsPacket.encode({ ...base, flags: flags | rcode, answers });
  if (behaviour === 'wrong-id') packet.writeUInt16BE((query.id ?? 0) ^ 0x5a5a, 0);
  if (transport === 'UDP' && packet.length > MAX_UDP_ANSWER) {
    packet = dnsPacket.encode({ ...base, flags: flags | rcode | dnsPacket.TRUNCATED_RESPONSE });
  }
  if (behaviour === 'malformed') {
    // Claims one more answer than it holds and cuts the last bytes: unparseable.
    packet = Buffer.from(packet.subarray(0, Math.max(12, packet.length - 3)));
    packet.writeUInt16BE((packet.readUInt16BE(6) || 0) + 1, 6);
  }
  return packet;
}

/** Starts the server on 127.0.0.1, UDP and TCP on one port. */
export async function startDnsServer(opts: DnsServerOptions): Promise<DnsTestServer> {
  const log: string[] = [];
  const tcpSockets = new Set<TcpSocket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (fn: () => void, extraMs = 0) => {
    const delay = (opts.delayMs ?? 0) + extraMs;
    if (!delay) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, delay);
    timers.add(t);
  };
  /** The extra delay of a question's name ('slow' behaviour). */
  const delayOf = (msg: Buffer): number => {
    try {
      const name = dnsPacket.decode(msg).questions?.[0]?.name;
      return name && opts.behaviours?.[norm(name)] === 'slow' ? SLOW_ANSWER_MS : 0;
    } catch {
      return 0;
    }
  };

  /** Decodes and logs one query; the answer to send, if any. */
  const handle = (msg: Buffer, transport: 'UDP' | 'TCP'): Buffer | undefined => {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(msg);
    } catch {
      return undefined;
    }
    const q = query.questions?.[0];
    log.push(`${transport} ${q?.type} ${q?.name}`);
    return opts.silent ? undefined : answer(opts, query, transport);
  };

  for (let attempt = 0; ; attempt++) {
    const udp: Socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, '127.0.0.1', () => resolve());
    });
    const port = udp.address().port;
    const tcp: Server = createServer((sock) => {
      tcpSockets.add(sock);
      sock.on('close', () => tcpSockets.delete(sock));
      sock.on('error', () => sock.destroy());
      let buf = Buffer.alloc(0);
      sock.on('data', (chunk) => {
        buf = Buffer.concat([buf, chunk]);
        while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
          const len = buf.readUInt16BE(0);
          const msg = buf.subarray(2, 2 + len);
          buf = buf.subarray(2 + len);
          const out = handle(msg, 'TCP');
          if (!out) continue;
          const framed = Buffer.alloc(2 + out.length);
          framed.writeUInt16BE(out.length, 0);
          out.copy(framed, 2);
          later(() => {
            if (!sock.destroyed) sock.write(framed);
          }, delayOf(msg));
        }
      });
    });
    const ok = await new Promise<boolean>((resolve) => {
      tcp.once('error', () => resolve(false));
      tcp.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (!ok) {
      udp.close();
      if (attempt > 20) throw new Error('no free port for UDP and TCP');
      continue;
    }
    udp.on('message', (msg, rinfo) => {
      const out = handle(msg, 'UDP');
      if (!out) return;
      later(() => udp.send(out, rinfo.port, rinfo.address, () => undefined), delayOf(msg));
    });
    return {
      host: '127.0.0.1',
      port,
      address: `127.0.0.1:${port}`,
      log,
      close: async () => {
        for (const t of timers) clearTimeout(t);
        for (const s of tcpSockets) s.destroy();
        await new Promise<void>((r) => tcp.close(() => r()));
        await new Promise<void>((r) => udp.close(() => r()));
      },
    };
  }
}
