import { describe, expect, it } from 'vitest';
import { fieldsFromIssues } from '../ipc/errors';
import {
  CONSENT_REQUIRED,
  credentialsSchema,
  MAIL_INVALID,
  passwordChangeFormSchema,
  PASSWORDS_DIFFER,
  registrationFormSchema,
  registrationSchema,
} from './account';

const STRONG = 'Alternance-2026';

function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mail: 'claire.lacoste@cfa-demo.fr',
    password: STRONG,
    passwordConfirmation: STRONG,
    firstName: 'Claire',
    lastName: 'Lacoste',
    mobile: '06 12 34 56 78',
    consent: true,
    ...overrides,
  };
}

/** The French message of each invalid field, or {} when the input is valid. */
function errorsOf(input: unknown): Record<string, string> {
  const result = registrationFormSchema.safeParse(input);
  return result.success ? {} : fieldsFromIssues(result.error.issues);
}

describe('registrationFormSchema', () => {
  it('accepts a complete form and normalises the mail and the mobile', () => {
    const result = registrationFormSchema.parse(
      form({ mail: '  Claire.Lacoste@CFA-Demo.FR ', mobile: '+33 6 12 34 56 78' }),
    );
    expect(result.mail).toBe('claire.lacoste@cfa-demo.fr');
    expect(result.mobile).toBe('+33612345678');
    expect(result.firstName).toBe('Claire');
  });

  it.each([
    ['06.12.34.56.78', '+33612345678'],
    ['0033712345678', '+33712345678'],
    [' 07 98 76 54 32 ', '+33798765432'],
  ])('stores the mobile %j as %s', (typed, e164) => {
    expect(registrationFormSchema.parse(form({ mobile: typed })).mobile).toBe(e164);
  });

  it('trims names', () => {
    const result = registrationFormSchema.parse(form({ firstName: '  Claire ', lastName: ' Lacoste  ' }));
    expect([result.firstName, result.lastName]).toEqual(['Claire', 'Lacoste']);
  });

  it('reports different passwords on the confirmation field', () => {
    expect(errorsOf(form({ passwordConfirmation: 'Alternance-2027' }))).toEqual({
      passwordConfirmation: PASSWORDS_DIFFER,
    });
  });

  it('reports different passwords even when other fields are wrong too', () => {
    const errors = errorsOf(
      form({ mail: 'pas-un-mail', firstName: '', passwordConfirmation: 'Autre-chose-1' }),
    );
    expect(errors.passwordConfirmation).toBe(PASSWORDS_DIFFER);
    expect(errors.mail).toBe(MAIL_INVALID);
    expect(errors.firstName).toBe('Le champ « Prénom » est obligatoire.');
  });

  it('reports a weak password and the mismatch together', () => {
    const errors = errorsOf(form({ password: 'faible', passwordConfirmation: 'faibles' }));
    expect(errors.password).toMatch(/^Le mot de passe doit contenir au moins 12 caractères, une majuscule/);
    expect(errors.passwordConfirmation).toBe(PASSWORDS_DIFFER);
  });

  it('does not claim a mismatch when the confirmation is missing, it is required', () => {
    const { passwordConfirmation: _omitted, ...rest } = form();
    expect(errorsOf(rest)).toEqual({
      passwordConfirmation: 'Le champ « Confirmation du mot de passe » est obligatoire.',
    });
  });

  it.each([[false], ['true'], [1], [undefined], [null]])(
    'requires consent === true (refuses %j)',
    (consent) => {
      expect(errorsOf(form({ consent }))).toEqual({ consent: CONSENT_REQUIRED });
    },
  );

  it('refuses a landline as the mobile', () => {
    expect(errorsOf(form({ mobile: '05 56 12 34 56' })).mobile).toMatch(/^Numéro de portable invalide/);
  });

  it.each(['claire', 'claire@', '@cfa-demo.fr', 'claire lacoste@cfa-demo.fr', 'claire@cfa-demo'])(
    'refuses the mail %j',
    (mail) => {
      expect(errorsOf(form({ mail }))).toEqual({ mail: MAIL_INVALID });
    },
  );

  it('names every missing field in French', () => {
    expect(errorsOf({})).toEqual({
      mail: 'Le champ « Mail » est obligatoire.',
      password: 'Le champ « Mot de passe » est obligatoire.',
      passwordConfirmation: 'Le champ « Confirmation du mot de passe » est obligatoire.',
      firstName: 'Le champ « Prénom » est obligatoire.',
      lastName: 'Le champ « Nom » est obligatoire.',
      mobile: 'Le champ « Numéro de portable » est obligatoire.',
      consent: CONSENT_REQUIRED,
    });
  });

  it('names the field when its type is wrong', () => {
    const errors = errorsOf(form({ mail: 42, firstName: ['Claire'] }));
    expect(errors.mail).toBe('Le champ « Mail » doit être un texte.');
    expect(errors.firstName).toBe('Le champ « Prénom » doit être un texte.');
  });

  it('treats blank text as missing', () => {
    const errors = errorsOf(form({ mail: '   ', lastName: '  ', mobile: ' ' }));
    expect(errors).toEqual({
      mail: 'Le champ « Mail » est obligatoire.',
      lastName: 'Le champ « Nom » est obligatoire.',
      mobile: 'Le champ « Numéro de portable » est obligatoire.',
    });
  });

  it('is the registration plus the confirmation, which the API payload does not carry', () => {
    const { passwordConfirmation: _omitted, ...payload } = form();
    expect(registrationSchema.safeParse(payload).success).toBe(true);
    expect(registrationSchema.parse(form())).not.toHaveProperty('passwordConfirmation');
  });
});

describe('credentialsSchema', () => {
  it('accepts a weak password, so accounts created before the CNIL rules can still log in', () => {
    expect(credentialsSchema.parse({ mail: 'a@b.fr', password: 'motdepasse' })).toEqual({
      mail: 'a@b.fr',
      password: 'motdepasse',
    });
  });

  it('normalises the mail like the registration does', () => {
    expect(credentialsSchema.parse({ mail: ' Claire.Lacoste@CFA-Demo.fr ', password: 'x' }).mail).toBe(
      'claire.lacoste@cfa-demo.fr',
    );
  });

  it('requires both fields, naming them', () => {
    const result = credentialsSchema.safeParse({ mail: '', password: '' });
    expect(result.success).toBe(false);
    expect(fieldsFromIssues(result.error!.issues)).toEqual({
      mail: 'Le champ « Mail » est obligatoire.',
      password: 'Le champ « Mot de passe » est obligatoire.',
    });
  });
});

describe('forms with a password typed twice', () => {
  it.each([null, 'texte', 12, []])('refuse %j as a whole instead of throwing', (input) => {
    for (const schema of [registrationFormSchema, passwordChangeFormSchema]) {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      expect(Object.keys(fieldsFromIssues(result.error!.issues))).toEqual(['(racine)']);
    }
  });
});
