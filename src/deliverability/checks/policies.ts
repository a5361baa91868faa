// MTA-STS, TLS-RPT and BIMI: presence and syntax of their DNS records, and the MTA-STS policy file.
import { type Check, type CheckContext, dnsFailed, problem, result, statusOf } from '../context';
import { type Detail, detail, renderDetail } from '../detail';
import { parseTagList } from '../tag-list';
import { DnsError } from '../dns/resolver';
import { msg } from '../i18n';
import { dmarcInfo, mxInfo, txtRecords } from '../shared';
import { fetchStsPolicy, mxMatches, parseStsPolicy, SHORT_POLICY_AGE_S } from './mta-sts-policy';
import type { CheckId, CheckResult, Problem } from '../types';

/** The tags of a record; the three specs share the DKIM-style tag-list syntax. */
const tags = (text: string) => parseTagList(text, true).tags;

async function policyCheck(ctx: CheckContext, id: CheckId, name: string, version: RegExp, validate: (t: Map<string, string>) => Detail[], extra?: (records: string[], valid: boolean) => Promise<Problem[]>): Promise<CheckResult> {
  const { locale } = ctx;
  let texts: string[];
  try {
    texts = await txtRecords(ctx, name);
  } catch (e) {
    if (e instanceof DnsError) return result(id, 'error', dnsFailed(ctx, name, 'TXT', e.code));
    throw e;
  }
  const found = texts.filter((t) => version.test(t));
  if (found.length === 0) return result(id, 'info', msg(locale, `${id}.summary.missing` as 'bimi.summary.missing', { name }), [], [problem(ctx, `${id}-missing`, 'info', { name })]);
  const records = found.map((t) => `${name}: ${t}`);
  const problems: Problem[] = [];
  if (found.length > 1) problems.push(problem(ctx, `${id}-syntax`, 'warning', { name, detail: renderDetail(locale, detail('detail.multipleRecords', { count: found.length })) }));
  else for (const d of validate(tags(found[0]))) problems.push(problem(ctx, `${id}-syntax`, 'warning', { name, detail: renderDetail(locale, d) }));
  if (extra) problems.push(...(await extra(records, problems.length === 0)));
  const status = statusOf(problems);
  return result(id, status, msg(locale, `${id}.summary.found` as 'bimi.summary.found', { name }), records, problems);
}

/**
 * MTA-STS (RFC 8461): `_mta-sts` TXT with v=STSv1 and an id of 1-32 alphanumerics (§3.1), then
 * the HTTPS policy file (§3.2, §3.3) whose mx patterns must cover every real MX host (§4.1).
 */
export const checkMtaSts: Check = async (ctx) => {
  let undetermined: string | undefined;
  const r = await policyCheck(
    ctx,
    'mta-sts',
    `_mta-sts.${ctx.domain}`,
    /^v=STSv1\s*(;|$)/,
    (t) => {
      const id = t.get('id');
      if (id === undefined) return [detail('detail.tagMissing', { tag: 'id' })];
      return /^[A-Za-z0-9]{1,32}$/.test(id) ? [] : [detail('detail.badStsId', { value: id })];
    },
    async (records, valid) => {
      // RFC 8461 §3.3: without a valid TXT record senders never fetch the policy.
      if (!valid) return [];
      const [fetched, mx] = await Promise.all([fetchStsPolicy(ctx), mxInfo(ctx)]);
      const url = `https://mta-sts.${ctx.domain}/.well-known/mta-sts.txt`;
      if (fetched.kind === 'failed') {
        undetermined = msg(ctx.locale, 'mta-sts.summary.fetchFailed', { url, reason: fetched.reason });
        return [];
      }
      if (fetched.kind === 'unusable') return [problem(ctx, 'mta-sts-policy-unavailable', 'warning', { url, reason: fetched.reason })];
      for (const line of fetched.body.split('\n').slice(0, 20)) if (line.trim()) records.push(`${url}: ${line.replace(/\r$/, '')}`);
      const policy = parseStsPolicy(fetched.body);
      if (policy.errors.length) return [problem(ctx, 'mta-sts-policy-syntax', 'warning', { url, detail: policy.errors.join(', ') })];
      const out: Problem[] = [];
      if (policy.mode === 'testing') out.push(problem(ctx, 'mta-sts-mode', 'info', { mode: 'testing' }, 'testing'));
      if (policy.mode === 'none') out.push(problem(ctx, 'mta-sts-mode', 'info', { mode: 'none' }, 'none'));
      if (policy.maxAge !== undefined && policy.maxAge < SHORT_POLICY_AGE_S && policy.mode !== 'none') out.push(problem(ctx, 'mta-sts-max-age', 'info', { seconds: policy.maxAge }));
      if (policy.mode !== 'none' && mx.status === 'ok') {
        // RFC 8461 §4.1, §5: in enforce mode senders refuse to deliver to an MX host no pattern names.
        const unmatched = mx.hosts.filter((h) => !policy.mx.some((p) => mxMatches(p, h.exchange))).map((h) => h.exchange);
        if (unmatched.length) out.push(problem(ctx, 'mta-sts-mx-mismatch', policy.mode === 'enforce' ? 'error' : 'warning', { hosts: unmatched.join(', '), patterns: policy.mx.join(', ') }));
      }
      return out;
    },
  );
  if (undetermined && r.status !== 'fail') {
    r.status = 'error';
    r.summary = undetermined;
  }
  return r;
};

/** TLS-RPT (RFC 8460 §3): `_smtp._tls` TXT with v=TLSRPTv1 and rua= mailto: or https: URIs. */
export const checkTlsRpt: Check = (ctx) =>
  policyCheck(ctx, 'tls-rpt', `_smtp._tls.${ctx.domain}`, /^v=TLSRPTv1\s*(;|$)/, (t) => {
    const rua = t.get('rua');
    if (rua === undefined) return [detail('detail.tagMissing', { tag: 'rua' })];
    return rua
      .split(',')
      .map((u) => u.trim())
      .filter((u) => !/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(u))
      .map((u) => detail('detail.badTlsRptUri', { value: u }));
  });

/**
 * BIMI (draft-brand-indicators-for-message-identification §4): `default._bimi` TXT with
 * v=BIMI1, l= an https SVG (or empty), a= an https certificate; needs DMARC at enforcement.
 */
export const checkBimi: Check = (ctx) =>
  policyCheck(
    ctx,
    'bimi',
    `default._bimi.${ctx.domain}`,
    /^v=BIMI1\s*(;|$)/,
    (t) => {
      const errs: Detail[] = [];
      const l = t.get('l');
      if (l === undefined) errs.push(detail('detail.tagMissing', { tag: 'l' }));
      else if (l && !/^https:\/\/\S+$/i.test(l)) errs.push(detail('detail.notHttps', { tag: 'l', value: l }));
      const a = t.get('a');
      if (a && !/^https:\/\/\S+$/i.test(a)) errs.push(detail('detail.notHttps', { tag: 'a', value: a }));
      return errs;
    },
    async () => {
      // BIMI draft §4.3: receivers show logos only under p=quarantine or p=reject.
      const d = await dmarcInfo(ctx);
      const rec = d.record;
      const policy = d.source === 'org' ? (rec?.sp ?? rec?.p) : rec?.p;
      return policy === 'quarantine' || policy === 'reject' ? [] : [problem(ctx, 'bimi-dmarc', 'warning', { policy: policy ?? '-' })];
    },
  );
