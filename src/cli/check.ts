import type { Locale } from '../engine/types';
import type { Io } from './lint';

/** `mailproof check`: the sender-domain checks (implemented in src/deliverability). */
export async function runCheck(_argv: string[], io: Io, locale: Locale): Promise<number> {
  io.err(locale === 'fr' ? 'mailproof : la commande check n’est pas encore disponible\n' : 'mailproof: the check command is not available yet\n');
  return 2;
}
