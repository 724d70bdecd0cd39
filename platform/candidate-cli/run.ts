import { readFile } from 'node:fs/promises';
import { diplomaStateLabels } from '../../shared/domain/candidates';
import { labelOf } from '../../shared/domain/labels';
import { contractTypeLabels } from '../../shared/domain/offers';
import {
  CandidateApiError,
  CandidateClient,
  type CandidateNotification,
  type CandidateProfile,
} from '../candidate-client';
import { communeByCode, diplomaById, romeByCode } from '../referentials/lookups';
import {
  NotFoundError,
  parseCommand,
  resolveProfile,
  UsageError,
  USAGE,
  type Account,
  type OfferRef,
} from './args';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 done, 1 refused by the platform (or unreachable), 2 wrong usage. */
export type ExitCode = 0 | 1 | 2;

function describeProfile(profile: CandidateProfile, rank: number): string[] {
  const rome = romeByCode().get(profile.romeCode);
  const diplomas = profile.diplomas.map(({ diplomaId, state }) => {
    const label = diplomaById().get(diplomaId)?.label ?? diplomaId;
    return `${label} (${diplomaStateLabels[state].toLowerCase()})`;
  });
  const commune = communeByCode().get(profile.communeCode)?.name ?? profile.communeCode;
  return [
    `${rank}. ${rome ? `${rome.label} (${rome.code})` : profile.romeCode} — ${diplomas.join(', ')}`,
    `   ${commune}, mobilité ${profile.mobilityKm} km — disponible le ${profile.availableFrom} — ` +
      `${profile.contractTypes.map((type) => contractTypeLabels[type]).join(', ')}${profile.oeth ? ' — OETH' : ''}`,
    `   identifiant : ${profile.id}`,
  ];
}

const notificationKinds: Record<CandidateNotification['kind'], string> = {
  entretien: 'Entretien ou informations',
  refus: 'Candidature refusée',
  contact: 'Une structure vous propose une offre',
};

function describeNotification(notification: CandidateNotification): string[] {
  const when = new Date(notification.createdAt)
    .toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })
    .replace(' ', ' à ');
  // A reply names the application; a contact, the offer proposed and the profile it was seen in.
  const subject =
    notification.applicationNumber === null
      ? `offre n° ${notification.offerNumber}, « ${notification.offerTitle} »`
      : `candidature n° ${notification.applicationNumber}, « ${notification.offerTitle} »`;
  return [
    `Le ${when} — ${notificationKinds[notification.kind]} — ${subject} — ${notification.structureName}`,
    ...(notification.profileId === null ? [] : [`   pour votre profil ${notification.profileId}`]),
    ...(notification.refusalReason === null ? [] : [`   Motif du refus : ${notification.refusalReason}`]),
    ...notification.message.split('\n').map((line) => `   ${line}`),
  ];
}

async function signIn(client: CandidateClient, account: Account): Promise<void> {
  await client.login(account.mail, account.password);
}

async function offerIdOf(client: CandidateClient, ref: OfferRef): Promise<{ id: string; label: string }> {
  if ('id' in ref) return { id: ref.id, label: `l'offre ${ref.id}` };
  let offer;
  try {
    offer = await client.openOfferByNumber(ref.number);
  } catch (error) {
    if (error instanceof CandidateApiError && error.status === 403) {
      throw new NotFoundError(
        `Cette plateforme ne laisse pas un candidat chercher une offre par son N° (${error.message}) : donnez son identifiant (--offer <identifiant>).`,
      );
    }
    throw error;
  }
  if (!offer) {
    throw new NotFoundError(
      `Aucune offre « En cours » n'a le N° ${ref.number} (une offre pourvue ou archivée ne reçoit plus de candidatures ; son identifiant permet d'essayer quand même).`,
    );
  }
  return { id: offer.id, label: `l'offre n° ${offer.number} « ${offer.title} »` };
}

async function readProfileFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Fichier illisible : ${file} (${(error as NodeJS.ErrnoException).code ?? 'erreur'}).`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`${file} n'est pas du JSON valide.`);
  }
}

/** Runs one command of `npm run platform:candidate` (see ./args.ts) and returns its exit code. */
export async function runCandidateCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    const command = parseCommand(argv, io.env);
    if (command.name === 'help') {
      io.out(USAGE);
      return 0;
    }
    const client = new CandidateClient(command.platform);
    switch (command.name) {
      case 'register': {
        const session = await client.register(command.registration);
        io.out(`Compte candidat créé : ${command.registration.mail} (identifiant ${session.candidateId}).`);
        io.out(
          `Ajoutez un profil : npm run platform:candidate -- add-profile --as ${command.registration.mail} …`,
        );
        return 0;
      }
      case 'profiles': {
        await signIn(client, command.account);
        const profiles = await client.profiles();
        if (profiles.length === 0) io.out(`${command.account.mail} n'a aucun profil.`);
        profiles.forEach((profile, index) => describeProfile(profile, index + 1).forEach((l) => io.out(l)));
        return 0;
      }
      case 'add-profile': {
        await signIn(client, command.account);
        const body =
          'file' in command.profile ? await readProfileFile(command.profile.file) : command.profile.fields;
        const created = await client.addProfile(body as Parameters<CandidateClient['addProfile']>[0]);
        const rank = (await client.profiles()).findIndex((profile) => profile.id === created.id) + 1;
        io.out(`Profil créé :`);
        describeProfile(created, rank).forEach((line) => io.out(line));
        return 0;
      }
      case 'apply': {
        await signIn(client, command.account);
        const profile = resolveProfile(command.profile, await client.profiles());
        const offer = await offerIdOf(client, command.offer);
        const receipt = await client.apply({
          profileId: profile.id,
          offerId: offer.id,
          message: command.message,
        });
        io.out(`Candidature n° ${receipt.number} envoyée à ${offer.label}, avec le profil ${profile.id}.`);
        return 0;
      }
      case 'delete-profile': {
        await signIn(client, command.account);
        const profile = resolveProfile(command.profile, await client.profiles());
        await client.deleteProfile(profile.id);
        io.out(`Profil ${profile.id} supprimé : ses candidatures sont désormais « Abandonnées ».`);
        return 0;
      }
      case 'close-account': {
        await signIn(client, command.account);
        await client.closeAccount();
        io.out(`Compte ${command.account.mail} fermé : ses candidatures sont désormais « Abandonnées ».`);
        return 0;
      }
      case 'notifications': {
        await signIn(client, command.account);
        const notifications = await client.notifications();
        if (notifications.length === 0) io.out('Aucune notification.');
        for (const notification of notifications)
          describeNotification(notification).forEach((l) => io.out(l));
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof NotFoundError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof CandidateApiError) {
      io.err(`Erreur${error.status ? ` ${error.status}` : ''} : ${error.message}`);
      for (const { field, detail } of error.fieldErrors) {
        if (detail !== error.message) io.err(`  - ${labelOf(field)} : ${detail}`);
      }
      return 1;
    }
    throw error;
  }
}
