export const EMPLOYERS_PATH = '/suivi-des-employeurs';
export const ADD_EMPLOYER_PATH = '/suivi-des-employeurs/ajouter-un-employeur';
export const IMPORT_EMPLOYERS_PATH = '/suivi-des-employeurs/importer-un-fichier-csv';

export function employerPath(id: string): string {
  return `/suivi-des-employeurs/${id}`;
}
