// Drafts shared by the extension-host tests; each test writes its own copy into the workspace.
// Like real bulk mail they end with the sender's postal address and an unsubscribe link, so
// that only the findings a test is about show up.

/** The footer of the French drafts: postal address and unsubscribe link. */
export const FOOTER = '<p>Boutique Exemple, 12 rue de la Paix, 75002 Paris · <a href="https://example.test/desabonnement">Se désabonner</a></p>';

/** A French HTML newsletter with one finding of each text rule (and a near miss: Argenteuil). */
export const FR_DRAFT = `<!DOCTYPE html>
<html lang="fr">
<body>
  <p>Bonjour *|FNAME|*,</p>
  <p>Profitez de notre <b>Offre exceptionnelle</b> : montres GRATUITES et livraison offerte !!!</p>
  <p>COMMANDEZ VITE AVANT DIMANCHE, les stocks sont limités.</p>
  <p>Une soirée de lancement réservée à nos clients d'Argenteuil 🎉🎉🎉</p>
  ${FOOTER}
</body>
</html>
`;

/** An English plain-text draft. */
export const EN_DRAFT = `Hello {{ first_name }},

Act now: this FREE gift offer ends tonight!!
WE SHIP WORLDWIDE TODAY.
Our spring catalogue is out.

Example Shop, 1 Main Street, Springfield, IL 62701
Unsubscribe: https://example.test/unsubscribe
`;

/** A French HTML draft of the given body paragraphs, with the footer. */
export function frDraft(...paragraphs: string[]): string {
  return `${[...paragraphs, FOOTER].join('\n')}\n`;
}

/** A French plain-text .eml bulk message with the headers Gmail and Yahoo ask for. */
export function frEml(subject: string, from = 'News <news@example.test>', body = 'Notre catalogue de printemps est en ligne.'): string {
  return [
    `From: ${from}`,
    'To: client@example.org',
    `Subject: ${subject}`,
    'MIME-Version: 1.0',
    'List-Unsubscribe: <https://example.test/u?id=1>',
    'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Bonjour,',
    '',
    body,
    '',
    'Boutique Exemple, 12 rue de la Paix, 75002 Paris',
    'Se désabonner : https://example.test/u?id=1',
    '',
  ].join('\r\n');
}
