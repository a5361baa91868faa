import type { LexiconEntry } from './types';

/** French spam trigger phrases. */
export const fr: readonly LexiconEntry[] = [
  { phrase: 'gratuit(e)(s)', category: 'free', alternatives: ['offert', 'inclus'] },
  { phrase: 'sans frais', category: 'free', alternatives: ['inclus dans le prix'] },
  { phrase: 'offre(s) exceptionnelle(s)', category: 'sales', alternatives: ['offre du moment'] },
  { phrase: 'garanti(e)(s)', category: 'guarantee', alternatives: ['assuré'] },
  { phrase: 'garantie(s)', category: 'guarantee', alternatives: ['engagement'] },
  { phrase: 'argent', category: 'money', alternatives: ['budget'] },
  { phrase: 'promotion(s) spéciale(s)', category: 'sales', alternatives: ['offre du moment'] },
];
