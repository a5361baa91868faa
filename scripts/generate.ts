// Generates, from the rule registry, everything that must not drift from it:
//   - package.json contributes.configuration (static settings + one section per rule),
//   - the rule setting descriptions in package.nls.json / package.nls.fr.json,
//   - media/mailproofrc.schema.json (validation and completion of .mailproofrc.json),
//   - the rules table in docs/rules/README.md.
// `--check` fails (exit 1) when a generated file is out of date; `npm test` runs it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '../src/engine/i18n';
import { configSchema, optionSchema, PHRASE_LIST_SCHEMA, SEVERITY_ENUM as CONFIG_SEVERITIES, STRING_LIST_SCHEMA } from '../src/engine/config-schema';
import type { Rule } from '../src/engine/rule';
import { rules } from '../src/engine/rules/index';
import { settingKey } from '../src/extension/settingKey';

const root = join(__dirname, '..');
const check = process.argv.includes('--check');
const drift: string[] = [];

function write(rel: string, content: string) {
  const path = join(root, rel);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // new file
  }
  if (current === content) return;
  if (check) drift.push(rel);
  else writeFileSync(path, content);
}

const SEVERITY_ENUM = [...CONFIG_SEVERITIES];

// Settings that are not per rule. Descriptions are nls keys, written by hand in package.nls*.json.
const staticSettings: Record<string, Record<string, unknown>> = {
  'mailproof.enable': { type: 'boolean', default: true, scope: 'resource', description: '%config.enable%' },
  'mailproof.files': {
    type: 'array',
    items: { type: 'string' },
    default: ['**/{email,emails,mail,mails,newsletter,newsletters,templates}/**'],
    scope: 'resource',
    markdownDescription: '%config.files%',
  },
  'mailproof.lists': {
    type: 'array',
    items: { type: 'string' },
    default: ['**/{list,lists,contacts,recipients,subscribers,abonnes,destinataires}*.{csv,txt}'],
    scope: 'resource',
    markdownDescription: '%config.lists%',
  },
  'mailproof.maxFileSizeKB': { type: 'integer', default: 2048, minimum: 1, scope: 'resource', markdownDescription: '%config.maxFileSizeKB%' },
  'mailproof.mailType': { type: 'string', enum: ['bulk', 'transactional'], default: 'bulk', enumDescriptions: ['%config.mailType.bulk%', '%config.mailType.transactional%'], scope: 'resource', markdownDescription: '%config.mailType%' },
  'mailproof.sender': { type: 'string', default: '', scope: 'resource', markdownDescription: '%config.sender%' },
  'mailproof.phrases.add': { ...PHRASE_LIST_SCHEMA, default: [], scope: 'resource', markdownDescription: '%config.phrases.add%' },
  'mailproof.phrases.ignore': { ...STRING_LIST_SCHEMA, default: [], scope: 'resource', markdownDescription: '%config.phrases.ignore%' },
  'mailproof.acronyms': { ...STRING_LIST_SCHEMA, default: [], scope: 'resource', markdownDescription: '%config.acronyms%' },
  'mailproof.words': { ...STRING_LIST_SCHEMA, default: [], scope: 'resource', markdownDescription: '%config.words%' },
  'mailproof.language': {
    type: 'string',
    enum: ['auto', 'fr', 'en'],
    enumDescriptions: ['%config.language.auto%', '%config.language.fr%', '%config.language.en%'],
    default: 'auto',
    scope: 'resource',
    markdownDescription: '%config.language%',
  },
  'mailproof.check.dkimSelectors': { type: 'array', items: { type: 'string' }, default: [], scope: 'resource', markdownDescription: '%config.check.dkimSelectors%' },
  'mailproof.check.ips': { type: 'array', items: { type: 'string' }, default: [], scope: 'resource', markdownDescription: '%config.check.ips%' },
  'mailproof.check.dnsServers': { type: 'array', items: { type: 'string' }, default: [], scope: 'machine-overridable', markdownDescription: '%config.check.dnsServers%' },
  'mailproof.check.ipBlocklists': { type: 'array', items: { type: 'string' }, default: [], scope: 'machine-overridable', markdownDescription: '%config.check.ipBlocklists%' },
  'mailproof.check.domainBlocklists': { type: 'array', items: { type: 'string' }, default: [], scope: 'machine-overridable', markdownDescription: '%config.check.domainBlocklists%' },
  'mailproof.check.smtp.host': { type: 'string', default: '', scope: 'machine-overridable', markdownDescription: '%config.check.smtp.host%' },
  'mailproof.check.smtp.port': { type: 'integer', default: 587, minimum: 1, maximum: 65535, scope: 'machine-overridable', markdownDescription: '%config.check.smtp.port%' },
  'mailproof.check.smtp.security': {
    type: 'string',
    enum: ['starttls', 'ssl', 'none'],
    enumDescriptions: ['%config.check.smtp.security.starttls%', '%config.check.smtp.security.ssl%', '%config.check.smtp.security.none%'],
    default: 'starttls',
    scope: 'machine-overridable',
    markdownDescription: '%config.check.smtp.security%',
  },
  'mailproof.check.smtp.user': { type: 'string', default: '', scope: 'machine-overridable', markdownDescription: '%config.check.smtp.user%' },
  'mailproof.grammar.languageToolUrl': { type: 'string', default: '', format: 'uri', scope: 'machine-overridable', markdownDescription: '%config.grammar.languageToolUrl%' },
  'mailproof.check.timeoutMs': { type: 'integer', default: 8000, minimum: 500, maximum: 60000, scope: 'resource', markdownDescription: '%config.check.timeoutMs%' },
  // Where drafts are scored and what signs them: machine-overridable, so restricted in untrusted workspaces.
  'mailproof.filters.spamassassin.host': { type: 'string', default: 'localhost', scope: 'machine-overridable', markdownDescription: '%config.filters.spamassassin.host%' },
  'mailproof.filters.spamassassin.port': { type: 'integer', default: 783, minimum: 1, maximum: 65535, scope: 'machine-overridable', markdownDescription: '%config.filters.spamassassin.port%' },
  'mailproof.filters.rspamd.url': { type: 'string', default: 'http://localhost:11333', scope: 'machine-overridable', markdownDescription: '%config.filters.rspamd.url%' },
  'mailproof.filters.timeoutMs': { type: 'integer', default: 20000, minimum: 1000, maximum: 120000, scope: 'resource', markdownDescription: '%config.filters.timeoutMs%' },
  'mailproof.message.dkim.keyFile': { type: 'string', default: '', scope: 'machine-overridable', markdownDescription: '%config.message.dkim.keyFile%' },
  'mailproof.message.dkim.selector': { type: 'string', default: '', scope: 'machine-overridable', markdownDescription: '%config.message.dkim.selector%' },
  'mailproof.message.dkim.domain': { type: 'string', default: '', scope: 'machine-overridable', markdownDescription: '%config.message.dkim.domain%' },
};

// package.json contributes.configuration
const ruleProps: Record<string, Record<string, unknown>> = {};
const nls: Record<'en' | 'fr', Record<string, string>> = { en: {}, fr: {} };
for (const rule of rules as readonly Rule[]) {
  const base = `mailproof.rules.${settingKey(rule.id)}`;
  const key = `config.rules.${settingKey(rule.id)}`;
  ruleProps[`${base}.severity`] = { type: 'string', enum: SEVERITY_ENUM, default: rule.defaultSeverity, scope: 'resource', markdownDescription: `%${key}.severity%` };
  for (const locale of ['en', 'fr'] as const) {
    const sev = locale === 'fr' ? 'Sévérité' : 'Severity';
    nls[locale][`${key}.severity`] = `${sev} (\`${rule.id}\`): ${translate(locale, `rule.${rule.id}.description`)}.`;
  }
  for (const [name, spec] of Object.entries(rule.options ?? {})) {
    ruleProps[`${base}.${name}`] = { ...optionSchema(spec), scope: 'resource', markdownDescription: `%${key}.${name}%` };
    for (const locale of ['en', 'fr'] as const) nls[locale][`${key}.${name}`] = `\`${rule.id}\`: ${translate(locale, `option.${rule.id}.${name}`)}`;
  }
}
const pkgPath = 'package.json';
const pkg = JSON.parse(readFileSync(join(root, pkgPath), 'utf8'));
pkg.contributes ??= {};
// The settings that choose where the deliverability checks send traffic (scope
// machine-overridable) are restricted: an untrusted workspace cannot change them. So are the
// phrase lists, the one option whose cost grows with what it lists (issue #10).
const COSTLY = ['mailproof.phrases.add', 'mailproof.phrases.ignore'];
pkg.capabilities.untrustedWorkspaces.restrictedConfigurations = Object.keys(staticSettings).filter((k) => staticSettings[k].scope === 'machine-overridable' || COSTLY.includes(k));
pkg.contributes.configuration = [
  { id: 'mailproof', title: 'Mailproof', properties: staticSettings },
  { id: 'mailproof.rules', title: '%config.section.rules%', properties: ruleProps },
];
write(pkgPath, JSON.stringify(pkg, null, 2) + '\n');

for (const [locale, file] of [['en', 'package.nls.json'], ['fr', 'package.nls.fr.json']] as const) {
  let current: Record<string, string> = {};
  try {
    current = JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch {
    // new file
  }
  const kept = Object.fromEntries(Object.entries(current).filter(([k]) => !k.startsWith('config.rules.')));
  write(file, JSON.stringify({ ...kept, ...nls[locale] }, null, 2) + '\n');
}

// .mailproofrc.json schema: the object the CLI and the extension validate with.
const schema = configSchema(rules as readonly Rule[]);
write('media/mailproofrc.schema.json', JSON.stringify(schema, null, 2) + '\n');

// docs/rules/README.md
const rows = (rules as readonly Rule[]).map(
  (r) => `| [${r.id}](${r.id}.md) | ${r.category} | ${r.defaultSeverity} | ${r.weight} | ${[r.fixable && 'fix', r.hasSuggestions && 'suggestions'].filter(Boolean).join(', ') || '—'} | ${r.bulkOnly ? 'bulk only' : 'all'} | ${translate('en', `rule.${r.id}.description`)} |`,
);
write(
  'docs/rules/README.md',
  `# Rules\n\n<!-- Generated by scripts/generate.ts from the rule registry; do not edit. -->\n\n| Rule | Category | Default severity | Old score weight | Fix / suggestions | Mail type | Description |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n\nSeverities are defaults: change them in \`.mailproofrc.json\` or in the \`mailproof.rules.*\` settings. The spam score is a learned model ([docs/score.md](../score.md)): content rules count as features whatever their severity (a rule turned off counts no more), bulk rules (unsubscribe, contact details, List-Unsubscribe) never add to it and apply to bulk mail only. The old weights are kept for comparison (\`npm run eval:score\`).\n`,
);

if (check && drift.length) {
  console.error(`Generated files are out of date: ${drift.join(', ')}. Run "npm run generate" and commit the result.`);
  process.exit(1);
}
