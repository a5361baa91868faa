import { configSchema, type JsonSchema, MAX_PHRASE_SPELLINGS, validateSchema } from './config-schema';
import type { PhraseInput } from './lexicon/types';
import type { MailType } from './model';
import type { OptionSpec, Rule, SharedSettings } from './rule';
import type { MessageParams } from './i18n';
import type { SeveritySetting } from './types';

/** A mistake in a configuration, as a message key (under `config.`) and its parameters. */
export interface ConfigProblem {
  key: string;
  params?: MessageParams;
}

/** A rule's setting: a severity, or an object with a severity and option values. */
export type RuleSetting = SeveritySetting | ({ severity?: SeveritySetting } & Record<string, unknown>);

/**
 * Options shared by `.mailproofrc.json`, the VS Code settings and the CLI. Every field is
 * optional; missing ones take the rule defaults.
 */
export interface MailproofConfig {
  /** Per-rule severity and options, keyed by rule id. */
  rules?: Record<string, RuleSetting>;
  /** Spam phrases to add to the lexicons or to ignore. */
  phrases?: { add?: PhraseInput[]; ignore?: string[] };
  /** Words in capitals that are not shouting (brand names, acronyms). */
  acronyms?: string[];
  /** Bulk mail (campaigns) or transactional mail (receipts): bulk-only rules skip the latter. */
  mailType?: MailType;
  /** Sender address, when drafts carry no From. */
  sender?: string;
  /** Correct words the spelling dictionaries lack (brands, product names, jargon). */
  words?: string[];
  /** Language of the text for spelling, instead of detecting it: `fr`, `en` or `auto`. */
  language?: 'fr' | 'en' | 'auto';
  /** Files never linted: gitignore patterns, relative to the configuration file's folder. */
  ignore?: string[];
  /** Files always linted as email, whatever their content: gitignore patterns, relative to the configuration file's folder. */
  alwaysLint?: string[];
}

/** A rule's effective severity and options. */
export interface ResolvedRule {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Merges configurations; later ones win, rule settings merge field by field. */
export function mergeConfigs(...configs: Array<MailproofConfig | undefined>): MailproofConfig {
  const out: MailproofConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.rules) {
      out.rules = { ...out.rules };
      for (const [id, setting] of Object.entries(c.rules)) {
        const prev = out.rules[id];
        const a = typeof prev === 'string' ? { severity: prev } : prev ?? {};
        const b = typeof setting === 'string' ? { severity: setting } : setting;
        out.rules[id] = { ...a, ...b };
      }
    }
    if (c.phrases) {
      out.phrases = {
        add: [...(out.phrases?.add ?? []), ...(c.phrases.add ?? [])],
        ignore: [...(out.phrases?.ignore ?? []), ...(c.phrases.ignore ?? [])],
      };
    }
    if (c.acronyms) out.acronyms = [...(out.acronyms ?? []), ...c.acronyms];
    if (c.mailType) out.mailType = c.mailType;
    if (c.sender) out.sender = c.sender;
    if (c.words) out.words = [...(out.words ?? []), ...c.words];
    if (c.language) out.language = c.language;
  }
  return out;
}

// Each rule's default options, read from its metadata once.
const ruleDefaults = new WeakMap<Rule, Record<string, unknown>>();

/** The severity and options of each rule after applying the configuration to the defaults. */
export function resolveRule(rule: Rule, config: MailproofConfig | undefined): ResolvedRule {
  const setting = config?.rules?.[rule.id];
  let defaults = ruleDefaults.get(rule);
  if (!defaults) {
    defaults = {};
    for (const [name, spec] of Object.entries(rule.options ?? {})) defaults[name] = spec.default;
    ruleDefaults.set(rule, defaults);
  }
  // A copy per lint: a rule's options are its own to read, the defaults stay as they were.
  const options: Record<string, unknown> = { ...defaults };
  let severity: SeveritySetting = rule.defaultSeverity;
  if (typeof setting === 'string') severity = setting;
  else if (setting) {
    if (typeof setting.severity === 'string' && SEVERITIES.has(setting.severity)) severity = setting.severity;
    for (const [name, spec] of Object.entries(rule.options ?? {})) {
      if (validOption(spec, setting[name])) options[name] = setting[name];
    }
  }
  return { severity, options };
}

/** Settings that several rules read. */
export function sharedSettings(config: MailproofConfig | undefined): SharedSettings {
  return {
    phrases: { add: config?.phrases?.add ?? [], ignore: config?.phrases?.ignore ?? [] },
    acronyms: config?.acronyms ?? [],
    mailType: config?.mailType ?? 'bulk',
    sender: config?.sender,
    words: config?.words ?? [],
    language: config?.language === 'fr' || config?.language === 'en' ? config.language : undefined,
  };
}

function validOption(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'integer':
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (spec.type === 'number' || Number.isInteger(value)) &&
        (spec.minimum === undefined || value >= spec.minimum) &&
        (spec.maximum === undefined || value <= spec.maximum)
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/**
 * Checks a parsed `.mailproofrc.json` (or settings object) against the configuration schema
 * (the one `npm run generate` writes to media/mailproofrc.schema.json) and returns what is
 * usable plus one readable problem per mistake; nothing is silently dropped.
 */
export function validateConfig(raw: unknown, rules: readonly Rule[]): { config: MailproofConfig; problems: ConfigProblem[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { config: {}, problems: [{ key: 'config.notObject' }] };
  let schema = schemas.get(rules);
  if (!schema) schemas.set(rules, (schema = configSchema(rules)));
  const { value, errors } = validateSchema(schema, raw);
  const problems: ConfigProblem[] = errors.map((e) => ({ key: e.key, params: e.params }));
  const config = { ...(value as MailproofConfig & { $schema?: string }) };
  delete config.$schema;
  // Optional groups multiply a phrase's spellings (`offre(s) spéciale(s)` has four): a phrase
  // with twenty groups would be a million entries in the matcher.
  const add = config.phrases?.add;
  if (add) {
    config.phrases = {
      ...config.phrases,
      add: add.filter((p, i) => {
        const texts = typeof p === 'string' ? [p] : [p.phrase, ...(p.except ?? [])];
        const count = Math.max(...texts.map(spellingCount));
        if (count <= MAX_PHRASE_SPELLINGS) return true;
        problems.push({ key: 'config.tooManySpellings', params: { path: `phrases.add[${i}]`, max: MAX_PHRASE_SPELLINGS } });
        return false;
      }),
    };
  }
  return { config, problems };
}

const schemas = new WeakMap<readonly Rule[], JsonSchema>();

/**
 * How many spellings a phrase pattern expands to: each `(a|b)` group is left out or spelled
 * one of its ways. Counted by a scan, without expanding, and stopped past the cap.
 */
export function spellingCount(pattern: string): number {
  let count = 1;
  for (let i = pattern.indexOf('('); i >= 0 && count <= MAX_PHRASE_SPELLINGS; i = pattern.indexOf('(', i + 1)) {
    const close = pattern.indexOf(')', i + 1);
    if (close < 0) break;
    let options = 1;
    for (let k = i + 1; k < close; k++) if (pattern[k] === '|') options++;
    count *= options + 1;
    i = close;
  }
  return count;
}
