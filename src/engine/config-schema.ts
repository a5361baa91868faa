// The JSON schema of `.mailproofrc.json`, built from the rule registry, and a validator for the
// part of JSON Schema it uses. `npm run generate` writes the schema to
// media/mailproofrc.schema.json (completion in editors); the CLI and the extension validate with
// the same object, so what the schema accepts and what Mailproof reads cannot drift.
import { translate } from './i18n';
import type { OptionSpec, Rule } from './rule';

/** A JSON schema (draft-07), limited to the keywords `validateSchema` knows. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  required?: readonly string[];
  items?: JsonSchema;
  anyOf?: readonly JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  maxLength?: number;
  [annotation: string]: unknown;
}

export const SEVERITY_ENUM = ['error', 'warning', 'info', 'off'] as const;

// Bounds on what a configuration can make the engine do: every phrase is compiled into the
// matcher, every optional group doubles a phrase's spellings. Generous for hand-written lists,
// small enough that an untrusted project file cannot make linting costly.
/** Custom phrases, ignored phrases and acronyms a configuration may list. */
export const MAX_CONFIG_LIST_ITEMS = 2000;
/** Characters in one custom phrase, exception or acronym. */
export const MAX_PHRASE_CHARS = 200;
/** Spellings one custom phrase may expand to through its optional groups, `offre(s)`. */
export const MAX_PHRASE_SPELLINGS = 64;

const stringList = (maxItems = MAX_CONFIG_LIST_ITEMS): JsonSchema => ({ type: 'array', items: { type: 'string', maxLength: MAX_PHRASE_CHARS }, maxItems });

/** One entry of `phrases.add`: a phrase, or a phrase with its alternatives, category and exceptions. */
export const PHRASE_ITEM_SCHEMA: JsonSchema = {
  anyOf: [
    { type: 'string', maxLength: MAX_PHRASE_CHARS },
    {
      type: 'object',
      required: ['phrase'],
      properties: {
        phrase: { type: 'string', maxLength: MAX_PHRASE_CHARS },
        alternatives: { type: 'array', items: { type: 'string', maxLength: MAX_PHRASE_CHARS }, maxItems: 3 },
        category: { type: 'string' },
        except: stringList(20),
      },
    },
  ],
};

/** `phrases.add`, `phrases.ignore` and `acronyms`, shared with the VS Code settings. */
export const PHRASE_LIST_SCHEMA: JsonSchema = { type: 'array', items: PHRASE_ITEM_SCHEMA, maxItems: MAX_CONFIG_LIST_ITEMS };
export const STRING_LIST_SCHEMA: JsonSchema = stringList();

/** The schema of a rule option. */
export function optionSchema(spec: OptionSpec): JsonSchema {
  switch (spec.type) {
    case 'integer':
    case 'number':
      return { type: spec.type, default: spec.default, ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}), ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}) };
    case 'boolean':
      return { type: 'boolean', default: spec.default };
    case 'string[]':
      return { type: 'array', items: { type: 'string' }, default: spec.default };
  }
}

/** The schema of `.mailproofrc.json` for these rules. */
export function configSchema(rules: readonly Rule[]): JsonSchema {
  const ruleSchemas: Record<string, JsonSchema> = {};
  for (const rule of rules) {
    const options: Record<string, JsonSchema> = { severity: { enum: SEVERITY_ENUM } };
    for (const [name, spec] of Object.entries(rule.options ?? {})) options[name] = { ...optionSchema(spec), description: translate('en', `option.${rule.id}.${name}`) };
    ruleSchemas[rule.id] = {
      description: `${translate('en', `rule.${rule.id}.description`)} (default: ${rule.defaultSeverity})`,
      anyOf: [{ enum: SEVERITY_ENUM }, { type: 'object', properties: options, additionalProperties: false }],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Mailproof configuration (.mailproofrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { type: 'object', properties: ruleSchemas, additionalProperties: false },
      phrases: {
        type: 'object',
        additionalProperties: false,
        properties: { add: PHRASE_LIST_SCHEMA, ignore: STRING_LIST_SCHEMA },
      },
      acronyms: STRING_LIST_SCHEMA,
      mailType: { enum: ['bulk', 'transactional'] },
      ignore: { ...STRING_LIST_SCHEMA, description: 'Files the CLI and the editor leave alone (.gitignore syntax, relative to this file)' },
      alwaysLint: { ...STRING_LIST_SCHEMA, description: 'Files linted even when they look like web pages rather than email (.gitignore syntax)' },
      sender: { type: 'string', maxLength: MAX_PHRASE_CHARS },
      words: { ...STRING_LIST_SCHEMA, description: 'Correct words the spelling dictionaries lack (brands, names, jargon)' },
      language: { enum: ['auto', 'fr', 'en'], description: 'Language of the text for spelling; auto reads lang, Content-Language, then detects it per paragraph' },
    },
  };
}

/** A value the schema rejects: where (`rules.emoji`), and the message key under `config.` with its parameters. */
export interface SchemaError {
  path: string;
  key: string;
  params: Record<string, string | number>;
}

/**
 * Checks a value against a schema and returns the part of it that is valid (invalid properties
 * and items dropped; undefined when nothing is left) with one error per mistake. Linear in the
 * size of the value: `anyOf` branches are chosen by the value's type, never tried in turn.
 */
export function validateSchema(schema: JsonSchema, value: unknown, path = ''): { value: unknown; errors: SchemaError[] } {
  const errors: SchemaError[] = [];
  const kept = check(schema, value, path, errors);
  return { value: kept, errors };
}

const DROP = Symbol('drop');

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function fits(schema: JsonSchema, v: unknown): boolean {
  if (schema.enum) return typeof v === 'string' || schema.enum.includes(v);
  const t = typeOf(v);
  return schema.type === t || (schema.type === 'number' && t === 'integer');
}

function check(schema: JsonSchema, v: unknown, path: string, errors: SchemaError[]): unknown {
  const where = path || '(root)';
  if (schema.anyOf) {
    const branch = schema.anyOf.find((b) => fits(b, v));
    if (!branch) {
      errors.push({ path, key: 'config.badType', params: { path: where, type: schema.anyOf.map(expected).join(' | ') } });
      return DROP;
    }
    return check(branch, v, path, errors);
  }
  if (schema.enum) {
    if (schema.enum.includes(v)) return v;
    errors.push({ path, key: 'config.badEnum', params: { path: where, values: schema.enum.join(', ') } });
    return DROP;
  }
  if (schema.type && !fits(schema, v)) {
    errors.push({ path, key: 'config.badType', params: { path: where, type: expected(schema) } });
    return DROP;
  }
  switch (schema.type) {
    case 'string':
      if (schema.maxLength !== undefined && (v as string).length > schema.maxLength) {
        errors.push({ path, key: 'config.tooLong', params: { path: where, max: schema.maxLength } });
        return DROP;
      }
      return v;
    case 'integer':
    case 'number': {
      const n = v as number;
      if (!Number.isFinite(n) || (schema.minimum !== undefined && n < schema.minimum) || (schema.maximum !== undefined && n > schema.maximum)) {
        errors.push({ path, key: 'config.outOfRange', params: { path: where, min: schema.minimum ?? '−∞', max: schema.maximum ?? '∞' } });
        return DROP;
      }
      return v;
    }
    case 'array': {
      const list = v as unknown[];
      if (schema.maxItems !== undefined && list.length > schema.maxItems) {
        errors.push({ path, key: 'config.tooManyItems', params: { path: where, max: schema.maxItems, count: list.length } });
        return DROP;
      }
      if (!schema.items) return v;
      const out: unknown[] = [];
      list.forEach((item, i) => {
        const k = check(schema.items!, item, `${path}[${i}]`, errors);
        if (k !== DROP) out.push(k);
      });
      return out;
    }
    case 'object': {
      const obj = v as Record<string, unknown>;
      for (const r of schema.required ?? []) {
        if (!(r in obj)) {
          errors.push({ path, key: 'config.missingProperty', params: { path: where, name: r } });
          return DROP;
        }
      }
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(obj)) {
        const sub = join(path, k);
        const prop = Object.hasOwn(schema.properties ?? {}, k) ? schema.properties![k] : undefined;
        if (!prop) {
          if (schema.additionalProperties === false || k === '__proto__') errors.push({ path: sub, ...unknownKey(path, k) });
          else out[k] = item;
          continue;
        }
        const kept = check(prop, item, sub, errors);
        if (kept !== DROP) out[k] = kept;
      }
      return out;
    }
  }
  return v;
}

// Unknown keys read best with what they are: a rule, an option of a rule, a top-level option.
function unknownKey(parent: string, name: string): { key: string; params: Record<string, string> } {
  if (parent === 'rules') return { key: 'config.unknownRule', params: { rule: name } };
  if (parent.startsWith('rules.')) return { key: 'config.unknownRuleOption', params: { rule: parent.slice('rules.'.length), name } };
  return { key: 'config.unknownOption', params: { name: parent ? `${parent}.${name}` : name } };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function expected(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((e) => JSON.stringify(e)).join(' | ');
  if (schema.type === 'array' && schema.items?.type) return `${schema.items.type}[]`;
  return schema.type ?? 'any';
}
