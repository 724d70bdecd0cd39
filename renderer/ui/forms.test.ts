import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/errors';
import { fieldsUnder } from './forms';

describe('fieldsUnder', () => {
  it('names the fields of a nested input as its form does, the others as they were', () => {
    const refused = new AppError('validation', 'Saisie invalide.', {
      'contact.offerId': 'Choisissez une offre.',
      profileId: 'Profil invalide.',
    });
    const named = fieldsUnder(refused, 'contact') as AppError;
    expect(named).toBeInstanceOf(AppError);
    expect(named.message).toBe('Saisie invalide.');
    expect(named.fields).toEqual({ offerId: 'Choisissez une offre.', profileId: 'Profil invalide.' });
  });

  it('leaves anything else as it is', () => {
    const offline = new AppError('offline', 'Hors ligne.');
    expect(fieldsUnder(offline, 'contact')).toBe(offline);
    const crash = new Error('boom');
    expect(fieldsUnder(crash, 'contact')).toBe(crash);
  });
});
