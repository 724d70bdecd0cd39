import { describe, expect, it } from 'vitest';
import { guessMapping } from './columnMapping';

describe('guessMapping', () => {
  it('recognises the form’s own labels (an export of "Suivi des employeurs")', () => {
    expect(
      guessMapping([
        'Employeur',
        'Siret',
        'Nom du contact',
        'Prénom du contact',
        'Mail du contact',
        'Téléphone du contact',
      ]),
    ).toEqual({
      siret: 'Siret',
      contactLastName: 'Nom du contact',
      contactFirstName: 'Prénom du contact',
      contactMail: 'Mail du contact',
      contactPhone: 'Téléphone du contact',
    });
  });

  it('guesses from usual headers, preferring the contact’s columns to the company’s', () => {
    expect(
      guessMapping(['N° SIRET', "Nom de l'entreprise", 'Nom contact', 'Prénom', 'E-mail', 'Tél.']),
    ).toEqual({
      siret: 'N° SIRET',
      contactLastName: 'Nom contact',
      contactFirstName: 'Prénom',
      contactMail: 'E-mail',
      contactPhone: 'Tél.',
    });
  });

  it('leaves a field without a likely column empty', () => {
    expect(guessMapping(['Siret', 'Commentaire'])).toMatchObject({ siret: 'Siret', contactMail: null });
  });
});
