import { randomUUID } from 'node:crypto';
import { isValidSiret } from '../../shared/validation/siret';

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

/**
 * Active establishments of the seeded directory (platform/seed/directory.ts and demo.ts), none of
 * them the demo structure: candidates for partner employers. The demo seed may make some of them
 * partners already; `platformAs(...).freeSirets()` keeps those that are not.
 */
export const DIRECTORY_SIRETS = [
  '56227036300012',
  '41613662000018',
  '40840239400048',
  '73110479000019',
  '60098314200016',
  '93980579200032',
  '76754890200018',
  '95852880400049',
  AGRICOLE_THES.siret,
  '43129806600017',
  '50387214500019',
  '78195430000039',
  '19860729300018',
  '88412657400018',
];

/** Text that would run if it were rendered as HTML: it must show as typed. */
export const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';

/** An employer's contact person, as typed in "Ajouter un employeur" or a CSV file. */
export const CONTACT = {
  lastName: 'Harriague',
  firstName: 'Maite',
  mail: 'maite.harriague@exemple.fr',
  phone: '05 59 12 34 56',
};

/** Luhn-valid SIRET numbers (not in the directory), `count` of them from `start`: bulk CSV files. */
export function validSirets(count: number, start = 100_000_000): string[] {
  const sirets: string[] = [];
  for (let n = start; sirets.length < count; n++) {
    const body = `${n}`.padStart(13, '0');
    for (let check = 0; check < 10; check++) {
      const candidate = `${body}${check}`;
      if (isValidSiret(candidate)) {
        sirets.push(candidate);
        break;
      }
    }
  }
  return sirets;
}
