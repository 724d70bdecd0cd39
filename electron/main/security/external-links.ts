/**
 * `shell.openExternal` hands a URL to the OS, which may run any registered handler: only https
 * links to these public-service sites (those of "Espace ressources") leave the app.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'www.alternance.emploi.gouv.fr',
  'travail-emploi.gouv.fr',
  'www.francetravail.fr',
  'www.nouvelle-aquitaine.fr',
  'www.service-public.fr',
];

export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // URL normalises the host (lower case, punycode, trailing dot kept): compare exactly.
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOSTS.includes(parsed.hostname)
  );
}
