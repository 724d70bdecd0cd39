import { expect } from 'vitest';
import { applicationSchema, type Application } from '../../shared/domain/applications';
import {
  candidateApplicationReceiptSchema,
  candidateProfileSchema,
  candidateSessionSchema,
  type ProfileCreate,
} from '../../shared/domain/candidates';
import { COMMUNES } from '../offers/test-fixtures';
import type { Platform } from '../server';
import { apiCaller } from '../test-support';

export const CANDIDATE_PASSWORD = 'Candidat-2026!';

let candidates = 0;

/** A valid professional project; `overrides` change some fields. */
export function profileFields(overrides: Partial<ProfileCreate> = {}): ProfileCreate {
  return {
    romeCode: 'D1104',
    diplomas: [
      { diplomaId: 'cap-patissier', state: 'prepare' },
      { diplomaId: 'bacpro-cuisine', state: 'obtenu' },
    ],
    communeCode: COMMUNES.talence,
    mobilityKm: 25,
    availableFrom: '2026-09-01',
    contractTypes: ['apprentissage'],
    presentation: 'Passionnée de pâtisserie, je cherche une entreprise pour préparer mon CAP.',
    oeth: false,
    ...overrides,
  };
}

export interface TestCandidate {
  id: string;
  token: string;
  mail: string;
}

/** What `POST /candidates/register` accepts, with a new mail; `overrides` change some fields. */
export function registration(overrides: Record<string, unknown> = {}) {
  return {
    mail: `candidat.${process.pid}.${++candidates}@exemple.fr`,
    password: CANDIDATE_PASSWORD,
    firstName: 'Inès',
    lastName: 'Duboscq',
    mobile: '07 12 34 56 78',
    birthDate: '2007-05-14',
    consent: true,
    ...overrides,
  };
}

/** Requests of the candidate side, for a platform under test. */
export function candidateCalls(platform: () => Platform) {
  const call = apiCaller(platform);
  const postApplication = (
    token: string,
    body: { profileId: string; offerId: string; message?: string },
    headers: Record<string, string> = {},
  ) =>
    call(
      'POST',
      '/candidate/applications',
      token,
      { message: 'Bonjour, votre offre m’intéresse beaucoup.', ...body },
      headers,
    );
  return {
    call,
    registration,
    /** A new candidate account, signed in. */
    async newCandidate(overrides: Record<string, unknown> = {}): Promise<TestCandidate> {
      const body = registration(overrides);
      const response = await call('POST', '/candidates/register', undefined, body);
      expect(response.statusCode, response.body).toBe(201);
      const session = candidateSessionSchema.parse(response.json());
      return { id: session.candidateId, token: session.accessToken, mail: body.mail };
    },
    async createProfile(token: string, overrides: Partial<ProfileCreate> = {}) {
      const response = await call('POST', '/candidate/profiles', token, profileFields(overrides));
      expect(response.statusCode, response.body).toBe(201);
      return candidateProfileSchema.parse(response.json());
    },
    postApplication,
    async apply(token: string, body: { profileId: string; offerId: string; message?: string }) {
      const response = await postApplication(token, body);
      expect(response.statusCode, response.body).toBe(201);
      return candidateApplicationReceiptSchema.parse(response.json());
    },
    async getApplication(token: string, id: string): Promise<Application> {
      const response = await call('GET', `/applications/${id}`, token);
      expect(response.statusCode, response.body).toBe(200);
      return applicationSchema.parse(response.json());
    },
    reply(
      token: string,
      application: { id: string; version: number },
      body: unknown,
      headers: Record<string, string> = {},
    ) {
      return call('POST', `/applications/${application.id}/reply`, token, body, {
        'if-match': `"${application.version}"`,
        ...headers,
      });
    },
    markRead(
      token: string,
      application: { id: string; version: number },
      readAt: string,
      headers: Record<string, string> = {},
    ) {
      return call(
        'PATCH',
        `/applications/${application.id}`,
        token,
        { readAt },
        {
          'if-match': `"${application.version}"`,
          ...headers,
        },
      );
    },
  };
}
