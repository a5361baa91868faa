// MTA-STS, TLS-RPT and BIMI: presence and syntax of their DNS records (informational).
import { type Check, type CheckContext, problem, result, statusOf } from '../context';
import { type Detail, detail, renderDetail } from '../detail';
import { parseTagList } from '../tag-list';
import { DnsError } from '../dns/resolver';
import { msg } from '../i18n';
import { dmarcInfo, txtRecords } from '../shared';
import type { CheckId, CheckResult, Problem } from '../types';

/** The tags of a record; the three specs share the DKIM-style tag-list syntax. */
const tags = (text: string) => parseTagList(text, true).tags;

async function policyCheck(ctx: CheckContext, id: CheckId, name: string, version: RegExp, validate: (t: Map<string, string>) => Detail[], extra?: () => Promise<Problem[]>): Promise<CheckResult> {
  const { locale } = ctx;
  let texts: string[];
  try {
    texts = await txtRecords(ctx, name);
  } catch (e) {
    if (e instanceof DnsError) return result(id, 'error', msg(locale, 'dns.failed', { name, type: 'TXT', code: e.code }));
    throw e;
  }
  const found = texts.filter((t) => version.test(t));
  if (found.length === 0) return result(id, 'info', msg(locale, `${id}.summary.missing` as 'bimi.summary.missing', { name }), [], [problem(ctx, `${id}-missing`, 'info', { name })]);
  const records = found.map((t) => `${name}: ${t}`);
  const problems: Problem[] = [];
  if (found.length > 1) problems.push(problem(ctx, `${id}-syntax`, 'warning', { name, detail: renderDetail(locale, detail('detail.multipleRecords', { count: found.length })) }));
  else for (const d of validate(tags(found[0]))) problems.push(problem(ctx, `${id}-syntax`, 'warning', { name, detail: renderDetail(locale, d) }));
  if (extra) problems.push(...(await extra()));
  const status = statusOf(problems);
  return result(id, status, msg(locale, `${id}.summary.found` as 'bimi.summary.found', { name }), records, problems);
}

/** MTA-STS (RFC 8461 §3.1): `_mta-sts` TXT with v=STSv1 and an id of 1-32 alphanumerics. */
export const checkMtaSts: Check = (ctx) =>
  policyCheck(ctx, 'mta-sts', `_mta-sts.${ctx.domain}`, /^v=STSv1\s*(;|$)/, (t) => {
    const id = t.get('id');
    if (id === undefined) return [detail('detail.tagMissing', { tag: 'id' })];
    return /^[A-Za-z0-9]{1,32}$/.test(id) ? [] : [detail('detail.badStsId', { value: id })];
  });

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
