/**
 * `npm run platform:candidate -- <commande> [options]`: what the tester asked for, checked before
 * anything is sent. Values the platform validates (métier, diplômes, dates…) are passed as they
 * are: its answer names the field in French, as it would to a candidate's app.
 */
import { parseArgs } from 'node:util';
import type { CandidateProfile } from '../candidate-client';
import { DEMO_PLATFORM_URL } from '../demo-port';
import { DEMO_CANDIDATE } from '../seed/demo-candidates';

export const USAGE = `Jouer un candidat face à une plateforme démarrée (npm run start:web, npm run platform…).

Usage : npm run platform:candidate -- <commande> [options]

Commandes :
  register         créer un compte candidat
                     --mail M --password P --first-name P --last-name N
                     --mobile 06… --birth-date aaaa-mm-jj
  profiles         lister mes profils (numérotés 1, 2… dans l'ordre de création)
  add-profile      créer un profil (un projet professionnel)
                     --file profil.json (un objet comme POST /candidate/profiles), ou :
                     --rome D1102 --diploma cap-boulanger[:obtenu] (répétable)
                     --commune 33063 [--mobility 30] [--available-from aaaa-mm-jj]
                     [--contract apprentissage] (répétable) [--presentation "…"] [--oeth]
  apply            postuler à une offre « En cours »
                     --offer N (N° d'offre, ou identifiant) --profile P (rang dans
                     « profiles », ou identifiant) [--message "…"]
  delete-profile   supprimer un profil (ses candidatures deviennent « Abandonnées »)
                     --profile P
  close-account    fermer mon compte (mes candidatures deviennent « Abandonnées »)
  notifications    les réponses des structures à mes candidatures, et leurs propositions d'offres

Options communes :
  --platform URL         la plateforme (défaut : $PLATFORM_URL, sinon ${DEMO_PLATFORM_URL})
  --as MAIL              le candidat joué (défaut : ${DEMO_CANDIDATE.mail})
  --password MOT         son mot de passe (défaut : celui des comptes de démonstration)
  -h, --help             cette aide`;

/** The command line itself is wrong: the usage follows the message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the command names does not exist (a profile rank, an offer number). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export type ProfileRef = { rank: number } | { id: string };
export type OfferRef = { number: number } | { id: string };

export interface Account {
  mail: string;
  password: string;
}

interface Signed {
  platform: string;
  account: Account;
}

export type Command =
  | { name: 'help' }
  | {
      name: 'register';
      platform: string;
      registration: {
        mail: string;
        password: string;
        firstName: string;
        lastName: string;
        mobile: string;
        birthDate: string;
      };
    }
  | (Signed & { name: 'profiles' | 'close-account' | 'notifications' })
  | (Signed & { name: 'add-profile'; profile: { file: string } | { fields: Record<string, unknown> } })
  | (Signed & { name: 'apply'; offer: OfferRef; profile: ProfileRef; message: string })
  | (Signed & { name: 'delete-profile'; profile: ProfileRef });

export const COMMANDS = [
  'register',
  'profiles',
  'add-profile',
  'apply',
  'delete-profile',
  'close-account',
  'notifications',
] as const;

/** What a candidate writes when the tester does not say. */
export const DEFAULT_MESSAGE =
  'Bonjour, votre offre m’intéresse beaucoup : je suis disponible pour un entretien. Cordialement.';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const options = {
  platform: { type: 'string' },
  as: { type: 'string' },
  password: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  mail: { type: 'string' },
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  mobile: { type: 'string' },
  'birth-date': { type: 'string' },
  file: { type: 'string' },
  rome: { type: 'string' },
  diploma: { type: 'string', multiple: true },
  commune: { type: 'string' },
  mobility: { type: 'string' },
  'available-from': { type: 'string' },
  contract: { type: 'string', multiple: true },
  presentation: { type: 'string' },
  oeth: { type: 'boolean' },
  offer: { type: 'string' },
  profile: { type: 'string' },
  message: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

/** Which options each command reads (the common ones apart): any other is a mistake worth telling. */
const ALLOWED: Record<(typeof COMMANDS)[number], ReadonlyArray<keyof typeof options>> = {
  register: ['mail', 'password', 'first-name', 'last-name', 'mobile', 'birth-date'],
  profiles: [],
  'add-profile': [
    'file',
    'rome',
    'diploma',
    'commune',
    'mobility',
    'available-from',
    'contract',
    'presentation',
    'oeth',
  ],
  apply: ['offer', 'profile', 'message'],
  'delete-profile': ['profile'],
  'close-account': [],
  notifications: [],
};
const COMMON = new Set<keyof typeof options>(['platform', 'as', 'password', 'help']);

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`L'option --${name} est obligatoire.`);
  }
  return value.trim();
}

/** "2" → the second profile of `profiles`; a UUID → that profile. */
export function parseProfileRef(text: string): ProfileRef {
  if (UUID.test(text)) return { id: text.toLowerCase() };
  if (/^\d+$/.test(text) && Number(text) >= 1) return { rank: Number(text) };
  throw new UsageError(
    `--profile : « ${text} » n'est ni un rang de profil (1, 2… comme dans « profiles ») ni un identifiant.`,
  );
}

/** "12" → the offer N° 12; a UUID → that offer. */
export function parseOfferRef(text: string): OfferRef {
  if (UUID.test(text)) return { id: text.toLowerCase() };
  if (/^\d+$/.test(text) && Number(text) >= 1) return { number: Number(text) };
  throw new UsageError(`--offer : « ${text} » n'est ni un N° d'offre ni un identifiant d'offre.`);
}

/** "cap-boulanger" (en préparation) or "cap-boulanger:obtenu". */
export function parseDiploma(text: string): { diplomaId: string; state: string } {
  const [diplomaId, state = 'prepare'] = text.split(':');
  return { diplomaId: diplomaId!.trim(), state: state.trim() };
}

/** A number when it looks like one, else the text (the platform says what is wrong with it). */
function numberOrText(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

function profileFields(values: Values): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    romeCode: values.rome,
    diplomas: values.diploma?.map(parseDiploma),
    communeCode: values.commune,
    mobilityKm: numberOrText(values.mobility) ?? 30,
    availableFrom: values['available-from'] ?? nextSeptember(new Date()),
    contractTypes: values.contract ?? ['apprentissage'],
    presentation: values.presentation ?? 'Je recherche un contrat en alternance dans ce métier.',
    oeth: values.oeth ?? false,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** 1 September of the coming school year, as aaaa-mm-jj. */
export function nextSeptember(now: Date): string {
  return `${now.getUTCFullYear() + (now.getUTCMonth() >= 8 ? 1 : 0)}-09-01`;
}

function translated(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message)?.[1];
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return new UsageError(`Option inconnue : ${option ?? message}.`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return new UsageError(`L'option ${option.split(' ')[0]} attend une valeur.`);
  }
  return new UsageError(message);
}

/** The command in `argv` (what follows `npm run platform:candidate --`). */
export function parseCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Command {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw translated(error);
  }
  const { values, positionals } = parsed;
  const [name, ...extra] = positionals;
  if (values.help || name === undefined || name === 'help') return { name: 'help' };
  if (!(COMMANDS as readonly string[]).includes(name)) {
    throw new UsageError(`Commande inconnue : « ${name} ». Commandes : ${COMMANDS.join(', ')}.`);
  }
  const command = name as (typeof COMMANDS)[number];
  if (extra.length > 0) throw new UsageError(`Argument en trop : « ${extra[0]} ».`);
  for (const key of Object.keys(values) as Array<keyof typeof options>) {
    if (!COMMON.has(key) && !ALLOWED[command].includes(key)) {
      throw new UsageError(`L'option --${key} ne sert pas à la commande ${command}.`);
    }
  }

  const platform = (values.platform ?? env.PLATFORM_URL ?? DEMO_PLATFORM_URL).trim();
  try {
    new URL(platform);
  } catch {
    throw new UsageError(
      `--platform : « ${platform} » n'est pas une adresse (par exemple ${DEMO_PLATFORM_URL}).`,
    );
  }

  if (command === 'register') {
    if (values.as !== undefined) throw new UsageError("L'option --as ne sert pas à la commande register.");
    return {
      name: command,
      platform,
      registration: {
        mail: required(values, 'mail'),
        password: required(values, 'password'),
        firstName: required(values, 'first-name'),
        lastName: required(values, 'last-name'),
        mobile: required(values, 'mobile'),
        birthDate: required(values, 'birth-date'),
      },
    };
  }

  const account: Account = {
    mail: values.as?.trim() || DEMO_CANDIDATE.mail,
    password: values.password ?? DEMO_CANDIDATE.password,
  };
  const signed = { platform, account };
  switch (command) {
    case 'add-profile': {
      if (values.file !== undefined) {
        const others = ALLOWED['add-profile'].filter((key) => key !== 'file' && values[key] !== undefined);
        if (others.length > 0) {
          throw new UsageError(`--file ou les options du profil (--${others[0]}…), pas les deux.`);
        }
        return { ...signed, name: command, profile: { file: values.file } };
      }
      return { ...signed, name: command, profile: { fields: profileFields(values) } };
    }
    case 'apply':
      return {
        ...signed,
        name: command,
        offer: parseOfferRef(required(values, 'offer')),
        profile: parseProfileRef(required(values, 'profile')),
        message: values.message ?? DEFAULT_MESSAGE,
      };
    case 'delete-profile':
      return { ...signed, name: command, profile: parseProfileRef(required(values, 'profile')) };
    default:
      return { ...signed, name: command };
  }
}

/** The profile a reference designates among the candidate's (ranked as `profiles` lists them). */
export function resolveProfile(ref: ProfileRef, profiles: readonly CandidateProfile[]): CandidateProfile {
  if ('id' in ref) {
    const found = profiles.find((profile) => profile.id === ref.id);
    if (!found) throw new NotFoundError(`Aucun de vos profils n'a l'identifiant ${ref.id}.`);
    return found;
  }
  const found = profiles[ref.rank - 1];
  if (!found) {
    throw new NotFoundError(
      profiles.length === 0
        ? "Vous n'avez aucun profil : créez-en un avec add-profile."
        : `Profil ${ref.rank} inconnu : vous avez ${profiles.length} profil${profiles.length > 1 ? 's' : ''} (voir « profiles »).`,
    );
  }
  return found;
}
