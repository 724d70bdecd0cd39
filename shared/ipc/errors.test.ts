import { describe, expect, it } from 'vitest';
import { registrationSchema } from '../domain/account';
import { structurePatchSchema } from '../domain/structure';
import { z } from '../zod';
import { AppError, fieldsFromIssues, ROOT_FIELD, validationError } from './errors';

function issuesOf(schema: z.ZodType, input: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a validation failure');
  return result.error.issues;
}

describe('validationError', () => {
  it('names the one invalid field by its French label and gives its message', () => {
    const error = validationError(issuesOf(structurePatchSchema, { email: 'pas-un-mail' }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual({
      email: 'Adresse électronique invalide : saisissez une adresse de la forme nom@domaine.fr.',
    });
    expect(error.message).toBe(
      'Saisie invalide (« Adresse électronique ») : Adresse électronique invalide : saisissez une adresse de la forme nom@domaine.fr.',
    );
  });

  it('names a key sent as « __proto__ » like any other unexpected key', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const error = validationError(issuesOf(z.object({}).strict(), input));
    expect(Object.keys(error.fields ?? {})).toEqual(['__proto__']);
    expect(error.message).toBe('Saisie invalide (« __proto__ ») : Champ non reconnu : « __proto__ ».');
    expect(validationError(issuesOf(z.object({}).strict(), { constructor: 1 })).message).toBe(
      'Saisie invalide (« constructor ») : Champ non reconnu : « constructor ».',
    );
    expect(Object.getPrototypeOf(error.fields)).toBe(Object.prototype);
  });

  it('lists every invalid field by its French label', () => {
    const error = validationError(
      issuesOf(registrationSchema, {
        mail: 'x',
        password: 'Alternance-2026',
        firstName: 'A',
        lastName: 'B',
        mobile: '05 56 00 00 00',
      }),
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['mail', 'mobile', 'consent']);
    expect(error.message).toBe('Saisie invalide : « Mail », « Numéro de portable », « Consentement ».');
  });

  it('makes each unrecognized key a field of its own', () => {
    const error = validationError(
      issuesOf(structurePatchSchema, { siret: '92193444400016', couleur: 'bleu' }),
    );
    expect(error.fields).toEqual({
      siret: 'Champ non reconnu : « siret ».',
      couleur: 'Champ non reconnu : « couleur ».',
    });
    // Known keys are named by their label, unknown ones by themselves.
    expect(error.message).toBe('Saisie invalide : « Siret », « couleur ».');
  });

  it('names a prototype key such as "__proto__" like any other unrecognized key', () => {
    const error = validationError(
      issuesOf(z.strictObject({}), JSON.parse('{"__proto__": "x", "constructor": 1}')),
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['__proto__', 'constructor']);
    expect(error.message).toBe('Saisie invalide : « __proto__ », « constructor ».');
    expect(Object.getPrototypeOf(error.fields)).toBe(Object.prototype);
  });

  it('prefixes unrecognized keys of a nested object with its path', () => {
    const schema = z.object({ address: z.object({ street: z.string() }).strict() });
    const fields = fieldsFromIssues(issuesOf(schema, { address: { street: 'rue', floor: 2 } }));
    expect(fields).toEqual({ 'address.floor': 'Champ non reconnu : « floor ».' });
  });

  it('uses the root field when the payload is not an object', () => {
    for (const payload of [42, 'texte', null, [1, 2]]) {
      const error = validationError(issuesOf(structurePatchSchema, payload));
      expect(Object.keys(error.fields ?? {})).toEqual([ROOT_FIELD]);
      expect(error.message).toMatch(/^Saisie invalide \(données\) : /);
    }
  });

  it('keeps the first message of a field that fails several checks', () => {
    const schema = z.object({
      code: z.string().min(3, 'Trop court.').regex(/^\d+$/, 'Chiffres seulement.'),
    });
    expect(fieldsFromIssues(issuesOf(schema, { code: 'a' }))).toEqual({ code: 'Trop court.' });
  });

  it('names nested paths by the label of their last segment', () => {
    const schema = z.object({ contact: z.object({ phone: z.string({ error: 'Téléphone manquant.' }) }) });
    const error = validationError(issuesOf(schema, { contact: {} }));
    expect(error.fields).toEqual({ 'contact.phone': 'Téléphone manquant.' });
    expect(error.message).toBe('Saisie invalide (« Téléphone ») : Téléphone manquant.');
  });

  it('crosses IPC as plain data and comes back the same', () => {
    const error = validationError(issuesOf(structurePatchSchema, { website: 'ftp://x' }));
    const copy = AppError.from(structuredClone(error.toData()));
    expect(copy.toData()).toEqual(error.toData());
  });
});
