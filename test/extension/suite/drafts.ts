// Drafts shared by the extension-host tests; each test writes its own copy into the workspace.

/** A French HTML newsletter with one finding of each text rule (and a near miss: Argenteuil). */
export const FR_DRAFT = `<!DOCTYPE html>
<html lang="fr">
<body>
  <p>Bonjour *|FNAME|*,</p>
  <p>Profitez de notre <b>Offre exceptionnelle</b> : montres GRATUITES et livraison offerte !!!</p>
  <p>COMMANDEZ VITE AVANT DIMANCHE, les stocks sont limités.</p>
  <p>Une soirée de lancement réservée à nos clients d'Argenteuil 🎉🎉🎉</p>
</body>
</html>
`;

/** An English plain-text draft. */
export const EN_DRAFT = `Hello {{ first_name }},

Act now: this FREE trial ends tonight!!
WE SHIP WORLDWIDE TODAY.
Our spring catalogue is out.
`;
