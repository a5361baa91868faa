// Placeholder: the SMTP probe is written by another helper and replaces this file at merge.
import type { Locale } from '../../engine/types';
import type { CheckResult, SmtpTarget } from '../types';

export async function checkSmtp(target: SmtpTarget, ctx: { locale: Locale; timeoutMs: number; signal?: AbortSignal }): Promise<CheckResult> {
  return {
    id: 'smtp',
    status: 'skipped',
    summary: ctx.locale === 'fr' ? `Test SMTP de ${target.host}:${target.port} non disponible dans cette version` : `SMTP test of ${target.host}:${target.port} not available in this build`,
    records: [],
    problems: [],
  };
}
