// Argument parsing shared by the commands: its own module so that a command (check.ts) does
// not import main.ts, which loads the commands.
import type { Locale } from '../engine/types';
import { cliText } from './messages';

/** Thrown for bad usage: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Reads `--name value`, `--name=value` and flags; anything else is positional. */
export function parseArgs(argv: string[], spec: { values: string[]; flags: string[]; repeat?: string[] }, locale: Locale) {
  const values: Record<string, string[]> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.flags.includes(name)) {
      flags.add(name);
      continue;
    }
    if (!spec.values.includes(name)) throw new UsageError(cliText(locale, 'unknownOption', { name }));
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(cliText(locale, 'missingValue', { name }));
    (values[name] ??= []).push(value);
  }
  return { values, flags, positional };
}
