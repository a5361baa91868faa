/** `spam-phrase` → `spamPhrase`: rule settings are `mailproof.rules.<camelId>.<key>`. */
export function settingKey(ruleId: string): string {
  return ruleId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
