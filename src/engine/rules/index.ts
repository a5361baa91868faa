import type { Rule } from '../rule';
import { allCaps } from './all-caps';
import { attachments } from './attachments';
import { contactInfo } from './contact-info';
import { emoji } from './emoji';
import { exclamation } from './exclamation';
import { freemailSender } from './freemail-sender';
import { listUnsubscribe } from './list-unsubscribe';
import { mimeStructure } from './mime-structure';
import { spamPhrase } from './spam-phrase';
import { textAlternative } from './text-alternative';
import { unsubscribe } from './unsubscribe';

/** Every rule, in the order findings are reported for the same position and docs list them. */
export const rules: readonly Rule[] = [
  // content
  spamPhrase,
  allCaps,
  exclamation,
  emoji,
  // bulk mail
  unsubscribe,
  contactInfo,
  listUnsubscribe,
  // sender
  freemailSender,
  // message
  attachments,
  textAlternative,
  mimeStructure,
] as unknown as readonly Rule[];

/** Looks a rule up by id. */
export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
