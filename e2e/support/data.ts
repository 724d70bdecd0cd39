import { randomUUID } from 'node:crypto';

export const AGRICOLE_THES = {
  siret: '92193444400016',
  typed: '921 934 444 00016',
  legalName: 'SAS AGRICOLE THES DE BRETAGNE',
  nafCode: '01.29Z',
  nafLabel: 'Autres cultures permanentes',
};

/** Luhn-valid, absent from the seeded directory (a unit test of the seed checks it). */
export const UNKNOWN_VALID_SIRET = '44306184100013';

export const DEMO = {
  mail: 'referent@cfa-demo.fr',
  password: 'Demo-Formation-2026!',
  firstName: 'Claire',
  structure: 'CFA DES METIERS DE LA GIRONDE',
};

/** The demo structure's other users (platform/seed/demo.ts). */
export const DEMO_GESTIONNAIRE = {
  mail: 'gestionnaire@cfa-demo.fr',
  password: 'Demo-Formation-2026!',
};
export const DEMO_PENDING = {
  mail: 'nouveau.collaborateur@cfa-demo.fr',
  password: 'Demo-Formation-2026!',
};

export const STRONG_PASSWORD = 'Apprenti-Bordeaux-33!';

export function newMail(): string {
  return `e2e-${randomUUID().slice(0, 8)}@exemple.fr`;
}
