import type { Rule } from '../rule';
import { allCaps } from './all-caps';
import { emoji } from './emoji';
import { exclamation } from './exclamation';
import { spamPhrase } from './spam-phrase';

/** Every rule, in the order findings are reported for the same position and docs list them. */
export const rules: readonly Rule[] = [
  // content
  spamPhrase,
  allCaps,
  exclamation,
  emoji,
] as unknown as readonly Rule[];

/** Looks a rule up by id. */
export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
