/**
 * The French label of each field as the UI shows it (DESIGN.md §7), used to name fields in
 * error messages that are not shown next to the field itself.
 */
export const fieldLabels: Record<string, string> = {
  mail: 'Mail',
  password: 'Mot de passe',
  passwordConfirmation: 'Confirmation du mot de passe',
  firstName: 'Prénom',
  lastName: 'Nom',
  mobile: 'Numéro de portable',
  consent: 'Consentement',
  siret: 'Siret',
  legalName: 'Raison sociale',
  nafCode: 'Code NAF',
  nafLabel: "Domaine d'activité",
  headcountBand: 'Effectif',
  tradeName: 'Nom commercial',
  email: 'Adresse électronique',
  phone: 'Téléphone',
  website: 'Site internet',
  acceptsThirdGradeInterns: "J'accepte de recevoir des stagiaires de troisième (1 semaine)",
  acceptsSecondGradeInterns: "J'accepte de recevoir des stagiaires de seconde (2 semaines)",
  refreshToken: 'Jeton de renouvellement',
  contactLastName: 'Nom du contact',
  contactFirstName: 'Prénom du contact',
  contactMail: 'Mail du contact',
  contactPhone: 'Téléphone du contact',
  employerId: "L'employeur",
  title: 'Intitulé',
  romeCode: 'Métier',
  diplomaIds: 'Diplômes',
  contractType: 'Type de contrat',
  startDate: 'Date de début',
  durationMonths: 'Durée (mois)',
  positions: 'Nombre de postes',
  rhythm: "Rythme de l'alternance",
  communeCode: 'Lieu',
  description: 'Description',
  handicapCommitment: 'Cet employeur est engagé en faveur de l’emploi des personnes en situation de handicap',
  sharedWithStructure: 'Partager cette offre avec tous les utilisateurs de ma structure',
  franceTravail: 'Transmettre à France travail',
  status: 'Statut',
};

export function labelOf(path: string): string {
  const key = path.split('.').at(-1) ?? path;
  return fieldLabels[key] ?? path;
}
