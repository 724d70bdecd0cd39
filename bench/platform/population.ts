import { randomUUID } from 'node:crypto';
import { CandidateClient } from '../../platform/candidate-client';
import { generateDirectory } from '../../platform/seed/directory';

// Who works in bench:platform: structures of staff (a référent and gestionnaires, each with the
// offers they publish), partner employers, and candidates with a profile. All made through the
// platform's REST API, as real accounts are.

export const BENCH_PASSWORD = 'Alternance-Bench-2026!';

export interface StaffAccount {
  mail: string;
  userId: string;
  /** The offers this member published: only they edit them during the run (no conflicts by design). */
  offerIds: string[];
}

export interface BenchStructure {
  id: string;
  siret: string;
  staff: StaffAccount[];
}

export interface BenchCandidate {
  client: CandidateClient;
  profileId: string;
}

export interface Population {
  structures: BenchStructure[];
  candidates: BenchCandidate[];
  /** Open establishments not used yet: employers the desktops may add during the run. */
  freeSirets: string[];
}

type Json = Record<string, unknown>;

async function rest(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Json> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} : ${response.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Json) : {};
}

async function staffAccount(base: string, mail: string): Promise<{ token: string; userId: string }> {
  await rest(base, 'POST', '/auth/register', undefined, {
    mail,
    password: BENCH_PASSWORD,
    firstName: 'Camille',
    lastName: 'Banc',
    mobile: '0612345678',
    consent: true,
  });
  const login = await rest(base, 'POST', '/auth/login', undefined, { mail, password: BENCH_PASSWORD });
  return { token: login.accessToken as string, userId: (login.user as Json).id as string };
}

function offerBody(employerId: string, title: string): Json {
  return {
    id: randomUUID(),
    employerId,
    title,
    romeCode: 'D1104',
    diplomaIds: ['cap-patissier'],
    contractType: 'apprentissage',
    startDate: '2027-09-01',
    durationMonths: 24,
    positions: 1,
    rhythm: '2 semaines en entreprise, 1 semaine au CFA',
    communeCode: '33063',
    description: 'Fabrication des entremets et des viennoiseries au sein d’une équipe de six personnes.',
    handicapCommitment: false,
    sharedWithStructure: true,
    franceTravail: false,
  };
}

const CONTACT = {
  contactLastName: 'Lafargue',
  contactFirstName: 'Sophie',
  contactMail: 'sophie.lafargue@exemple.fr',
  contactPhone: '05 56 12 34 56',
};

/** On the first of `bases`: `structures` structures of `staffPerStructure` members, each member with `offersPerMember` offers, and `candidates` candidates. */
export async function populate(
  bases: string[],
  options: { structures: number; staffPerStructure: number; offersPerMember: number; candidates: number },
): Promise<Population> {
  const sirets = generateDirectory()
    .filter((e) => e.active)
    .map((e) => e.siret);
  const take = () => {
    const siret = sirets.shift();
    if (!siret) throw new Error('annuaire trop petit pour le banc');
    return siret;
  };
  const base = bases[0]!;
  const run = randomUUID().slice(0, 8);
  const structures: BenchStructure[] = [];
  for (let s = 0; s < options.structures; s++) {
    const siret = take();
    const referentMail = `banc.${run}.s${s}.m0@exemple.fr`;
    const referent = await staffAccount(base, referentMail);
    const created = await rest(base, 'POST', '/structure', referent.token, { siret });
    const structureId = (created.structure as Json).id as string;
    const members = [{ mail: referentMail, ...referent }];
    for (let m = 1; m < options.staffPerStructure; m++) {
      const mail = `banc.${run}.s${s}.m${m}@exemple.fr`;
      const member = await staffAccount(base, mail);
      await rest(base, 'POST', '/structure', member.token, { siret });
      await rest(base, 'POST', `/structure/members/${member.userId}/approve`, referent.token);
      members.push({ mail, ...member });
    }
    const employer = await rest(base, 'POST', '/employers', referent.token, {
      id: randomUUID(),
      siret: take(),
      ...CONTACT,
    });
    const staff: StaffAccount[] = [];
    for (const member of members) {
      const offerIds: string[] = [];
      for (let o = 0; o < options.offersPerMember; o++) {
        const offer = await rest(
          base,
          'POST',
          '/offers',
          member.token,
          offerBody(employer.id as string, `Pâtissier(ère) ${o + 1}`),
        );
        offerIds.push(offer.id as string);
      }
      staff.push({ mail: member.mail, userId: member.userId, offerIds });
    }
    structures.push({ id: structureId, siret, staff });
  }

  const candidates: BenchCandidate[] = [];
  for (let c = 0; c < options.candidates; c++) {
    // Candidates are spread over the instances, as a load balancer would.
    const client = new CandidateClient(bases[c % bases.length]!);
    await client.register({
      mail: `candidat.${run}.${c}@exemple.fr`,
      password: BENCH_PASSWORD,
      firstName: 'Léa',
      lastName: `Martin ${c}`,
      mobile: '0639981234',
      birthDate: '2008-05-14',
    });
    const profile = await client.addProfile({
      romeCode: 'D1104',
      diplomas: [{ diplomaId: 'cap-patissier', state: 'prepare' }],
      communeCode: '33063',
      mobilityKm: 30,
      availableFrom: '2027-09-01',
      contractTypes: ['apprentissage'],
      presentation: 'Passionnée de pâtisserie, je cherche un contrat d’apprentissage.',
      oeth: false,
    });
    candidates.push({ client, profileId: profile.id });
  }
  return { structures, candidates, freeSirets: sirets };
}
