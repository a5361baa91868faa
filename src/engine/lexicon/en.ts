import type { LexiconEntry } from './types';

/** English spam trigger phrases. */
export const en: readonly LexiconEntry[] = [
  { phrase: 'free', category: 'free', alternatives: ['included', 'complimentary'] },
  { phrase: 'act now', category: 'urgency', alternatives: ['reply when convenient'] },
  { phrase: '100% free', category: 'free', alternatives: ['included at no cost'] },
];
