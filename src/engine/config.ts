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
  }
  return out;
}

/** The severity and options of each rule after applying the configuration to the defaults. */
export function resolveRule(rule: Rule, config: MailproofConfig | undefined): ResolvedRule {
  const setting = config?.rules?.[rule.id];
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.options ?? {})) options[name] = spec.default;
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
 * Checks a parsed `.mailproofrc.json` (or settings object) against the registry and returns
 * what is usable plus one readable problem per mistake; nothing is silently dropped.
 */
export function validateConfig(raw: unknown, rules: readonly Rule[]): { config: MailproofConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: MailproofConfig = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { config, problems: [{ key: 'config.notObject' }] };
  const obj = raw as Record<string, unknown>;
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const key of Object.keys(obj)) {
    if (!['rules', 'phrases', 'acronyms', 'mailType', 'sender', '$schema', 'files', 'ignore', 'alwaysLint'].includes(key)) problems.push({ key: 'config.unknownOption', params: { name: key } });
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) problems.push({ key: 'config.rulesNotObject' });
    else {
      config.rules = {};
      for (const [id, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
        const rule = byId.get(id);
        if (!rule) {
          problems.push({ key: 'config.unknownRule', params: { rule: id } });
          continue;
        }
        if (typeof setting === 'string') {
          if (SEVERITIES.has(setting)) config.rules[id] = setting as SeveritySetting;
          else problems.push({ key: 'config.badSeverity', params: { rule: id } });
        } else if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
          const s = setting as Record<string, unknown>;
          const clean: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(s)) {
            if (k === 'severity') {
              if (typeof v === 'string' && SEVERITIES.has(v)) clean.severity = v;
              else problems.push({ key: 'config.badSeverity', params: { rule: id } });
            } else if (rule.options && k in rule.options) {
              if (validOption(rule.options[k], v)) clean[k] = v;
              else problems.push({ key: 'config.badOptionValue', params: { rule: id, name: k } });
            } else problems.push({ key: 'config.unknownRuleOption', params: { rule: id, name: k } });
          }
          config.rules[id] = clean as RuleSetting;
        } else problems.push({ key: 'config.badRuleSetting', params: { rule: id } });
      }
    }
  }
  if (obj.phrases !== undefined) {
    const p = obj.phrases as Record<string, unknown>;
    if (!p || typeof p !== 'object' || Array.isArray(p)) problems.push({ key: 'config.badPhrases' });
    else {
      config.phrases = {};
      if (p.add !== undefined) {
        if (Array.isArray(p.add)) config.phrases.add = p.add.filter((x): x is PhraseInput => typeof x === 'string' || (!!x && typeof x === 'object' && typeof (x as { phrase?: unknown }).phrase === 'string'));
        if (!Array.isArray(p.add) || config.phrases.add!.length !== p.add.length) problems.push({ key: 'config.badPhrasesAdd' });
      }
      if (p.ignore !== undefined) {
        if (Array.isArray(p.ignore) && p.ignore.every((x) => typeof x === 'string')) config.phrases.ignore = p.ignore as string[];
        else problems.push({ key: 'config.badPhrasesIgnore' });
      }
    }
  }
  if (obj.acronyms !== undefined) {
    if (Array.isArray(obj.acronyms) && obj.acronyms.every((x) => typeof x === 'string')) config.acronyms = obj.acronyms as string[];
    else problems.push({ key: 'config.badAcronyms' });
  }
  if (obj.mailType !== undefined) {
    if (obj.mailType === 'bulk' || obj.mailType === 'transactional') config.mailType = obj.mailType;
    else problems.push({ key: 'config.badMailType' });
  }
  if (obj.sender !== undefined) {
    if (typeof obj.sender === 'string') config.sender = obj.sender;
    else problems.push({ key: 'config.badSender' });
  }
  for (const key of ['ignore', 'alwaysLint'] as const) {
    if (obj[key] === undefined) continue;
    const v = obj[key];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) config[key] = v as string[];
    else problems.push({ key: 'config.badPatternList', params: { name: key } });
  }
  return { config, problems };
}
