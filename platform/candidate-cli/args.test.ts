import { describe, expect, it } from 'vitest';
import type { CandidateProfile } from '../candidate-client';
import { DEMO_PLATFORM_URL } from '../demo-port';
import { DEMO_CANDIDATE } from '../seed/demo-candidates';
import {
  DEFAULT_MESSAGE,
  NotFoundError,
  nextSeptember,
  parseCommand,
  parseDiploma,
  parseOfferRef,
  parseProfileRef,
  resolveProfile,
  UsageError,
} from './args';

const ID = '3f0c2a52-6c1e-4b8e-9d7a-2f6b1c0e9a11';
const parse = (args: string[], env: Record<string, string> = {}) => parseCommand(args, env);
const usageError = (args: string[]) => {
  try {
    parse(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(' ')} : aucune erreur`);
};

describe('parseCommand', () => {
  it('plays the demo candidate on the demo platform unless told otherwise', () => {
    expect(parse(['profiles'])).toEqual({
      name: 'profiles',
      platform: DEMO_PLATFORM_URL,
      account: { mail: DEMO_CANDIDATE.mail, password: DEMO_CANDIDATE.password },
    });
    expect(parse(['profiles'], { PLATFORM_URL: 'http://127.0.0.1:9000' })).toMatchObject({
      platform: 'http://127.0.0.1:9000',
    });
    expect(
      parse(['notifications', '--platform', 'http://10.0.0.2:8080', '--as', 'a.b.7@exemple-candidat.fr'], {
        PLATFORM_URL: 'http://127.0.0.1:9000',
      }),
    ).toEqual({
      name: 'notifications',
      platform: 'http://10.0.0.2:8080',
      // Demo candidates share the demo password.
      account: { mail: 'a.b.7@exemple-candidat.fr', password: DEMO_CANDIDATE.password },
    });
    expect(parse(['close-account', '--as', 'x@y.fr', '--password', 'Secret-2026!'])).toMatchObject({
      name: 'close-account',
      account: { mail: 'x@y.fr', password: 'Secret-2026!' },
    });
  });

  it('reads apply: an offer number or id, a profile rank or id, a message', () => {
    expect(parse(['apply', '--offer', '12', '--profile', '2'])).toMatchObject({
      name: 'apply',
      offer: { number: 12 },
      profile: { rank: 2 },
      message: DEFAULT_MESSAGE,
    });
    expect(
      parse(['apply', '--offer', ID.toUpperCase(), '--profile', ID, '--message', 'Bonjour !']),
    ).toMatchObject({
      offer: { id: ID },
      profile: { id: ID },
      message: 'Bonjour !',
    });
    expect(usageError(['apply', '--profile', '1'])).toBe("L'option --offer est obligatoire.");
    expect(usageError(['apply', '--offer', '3'])).toBe("L'option --profile est obligatoire.");
    expect(usageError(['apply', '--offer', '0', '--profile', '1'])).toMatch(/^--offer : « 0 »/);
    expect(usageError(['delete-profile', '--profile', 'premier'])).toMatch(/^--profile : « premier »/);
  });

  it('reads register, all of whose fields are required', () => {
    const args = [
      'register',
      '--mail',
      'lea.martin@exemple-candidat.fr',
      '--password',
      'Alternance-2026!',
      '--first-name',
      'Léa',
      '--last-name',
      'Martin',
      '--mobile',
      '06 39 98 12 34',
      '--birth-date',
      '2008-05-14',
    ];
    expect(parse(args)).toEqual({
      name: 'register',
      platform: DEMO_PLATFORM_URL,
      registration: {
        mail: 'lea.martin@exemple-candidat.fr',
        password: 'Alternance-2026!',
        firstName: 'Léa',
        lastName: 'Martin',
        mobile: '06 39 98 12 34',
        birthDate: '2008-05-14',
      },
    });
    expect(usageError(args.slice(0, -2))).toBe("L'option --birth-date est obligatoire.");
    expect(usageError([...args, '--as', 'x@y.fr'])).toMatch(/--as ne sert pas/);
  });

  it('reads add-profile from options, with defaults, or from a JSON file, not both', () => {
    const command = parse([
      'add-profile',
      '--rome',
      'D1102',
      '--diploma',
      'bp-boulanger',
      '--diploma',
      'cap-boulanger:obtenu',
      '--commune',
      '33063',
      '--mobility',
      '20',
      '--contract',
      'apprentissage',
      '--contract',
      'professionnalisation',
      '--oeth',
    ]);
    expect(command).toMatchObject({
      name: 'add-profile',
      profile: {
        fields: {
          romeCode: 'D1102',
          diplomas: [
            { diplomaId: 'bp-boulanger', state: 'prepare' },
            { diplomaId: 'cap-boulanger', state: 'obtenu' },
          ],
          communeCode: '33063',
          mobilityKm: 20,
          availableFrom: nextSeptember(new Date()),
          contractTypes: ['apprentissage', 'professionnalisation'],
          oeth: true,
        },
      },
    });
    // What the platform checks is left to it (its answer names the field).
    expect(parse(['add-profile', '--mobility', 'loin'])).toMatchObject({
      profile: { fields: { mobilityKm: 'loin', oeth: false } },
    });
    expect(parse(['add-profile', '--file', 'profil.json'])).toMatchObject({
      profile: { file: 'profil.json' },
    });
    expect(usageError(['add-profile', '--file', 'profil.json', '--rome', 'D1102'])).toMatch(/pas les deux/);
  });

  it('refuses what it does not know, in French', () => {
    expect(usageError(['postuler'])).toMatch(/^Commande inconnue : « postuler »/);
    expect(usageError(['profiles', '--verbose'])).toBe('Option inconnue : --verbose.');
    expect(usageError(['profiles', '--offer', '3'])).toBe(
      "L'option --offer ne sert pas à la commande profiles.",
    );
    expect(usageError(['apply', '--offer'])).toBe("L'option --offer attend une valeur.");
    expect(usageError(['profiles', 'encore'])).toBe('Argument en trop : « encore ».');
    expect(usageError(['profiles', '--platform', 'localhost sans schéma'])).toMatch(/n'est pas une adresse/);
    expect(parse([])).toEqual({ name: 'help' });
    expect(parse(['apply', '--help'])).toEqual({ name: 'help' });
  });
});

describe('references', () => {
  it('parse diplomas as prepared unless said obtained', () => {
    expect(parseDiploma('cap-cuisine')).toEqual({ diplomaId: 'cap-cuisine', state: 'prepare' });
    expect(parseDiploma('cap-cuisine:obtenu')).toEqual({ diplomaId: 'cap-cuisine', state: 'obtenu' });
    expect(parseOfferRef('7')).toEqual({ number: 7 });
    expect(parseProfileRef('1')).toEqual({ rank: 1 });
    expect(nextSeptember(new Date('2026-08-31T12:00:00Z'))).toBe('2026-09-01');
    expect(nextSeptember(new Date('2026-09-01T12:00:00Z'))).toBe('2027-09-01');
  });

  it('resolve a profile by its rank in the list or its id', () => {
    const profile = (id: string) => ({ id }) as CandidateProfile;
    const profiles = [profile('a'), profile(ID)];
    expect(resolveProfile({ rank: 2 }, profiles).id).toBe(ID);
    expect(resolveProfile({ id: ID }, profiles).id).toBe(ID);
    expect(() => resolveProfile({ rank: 3 }, profiles)).toThrow(
      new NotFoundError('Profil 3 inconnu : vous avez 2 profils (voir « profiles »).'),
    );
    expect(() => resolveProfile({ rank: 1 }, [])).toThrow(/aucun profil/);
    expect(() => resolveProfile({ id: '00000000-0000-4000-8000-000000000000' }, profiles)).toThrow(
      NotFoundError,
    );
  });
});
