// An HTTPS server on loopback serving MTA-STS policy files by Host header, with the test CA's
// certificate for the mta-sts hosts of the fixture zones (test/fixtures-certs/mta-sts.pem).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const certs = join(__dirname, '..', 'fixtures-certs');
export const TEST_CA = readFileSync(join(certs, 'ca.pem'), 'utf8');

/** Responses by host: status, content type and body. */
export const POLICIES: Record<string, { status?: number; type?: string; body: string }> = {
  'mta-sts.stsgood.example': { body: 'version: STSv1\r\nmode: enforce\r\nmx: mx.good.example\r\nmx: *.stsgood.example\r\nmax_age: 1209600\r\n' },
  'mta-sts.stsmismatch.example': { body: 'version: STSv1\nmode: enforce\nmx: mail.elsewhere.example\nmax_age: 86400\n' },
  'mta-sts.ststesting.example': { body: 'version: STSv1\nmode: testing\nmx: *.good.example\nmax_age: 3600\n' },
  'mta-sts.stsnofile.example': { status: 404, type: 'text/html', body: '<h1>Not found</h1>' },
  'mta-sts.stsbadpolicy.example': { body: 'version: STSv2\nmode: strict\nmx: mx.good.example\nmax_age: forever\n' },
  'mta-sts.stsbadcert.example': { body: 'version: STSv1\nmode: enforce\nmx: mx.good.example\nmax_age: 86400\n' },
};

export interface HttpsTestServer {
  port: number;
  /** Every request: "host path". */
  log: string[];
  close(): Promise<void>;
}

export async function startHttpsServer(): Promise<HttpsTestServer> {
  const log: string[] = [];
  const server: Server = createServer({ key: readFileSync(join(certs, 'server-key.pem')), cert: readFileSync(join(certs, 'mta-sts.pem')) }, (req, res) => {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    log.push(`${host} ${req.url}`);
    const p = POLICIES[host];
    if (!p || req.url !== '/.well-known/mta-sts.txt') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such policy');
      return;
    }
    res.writeHead(p.status ?? 200, { 'content-type': p.type ?? 'text/plain' }).end(p.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
