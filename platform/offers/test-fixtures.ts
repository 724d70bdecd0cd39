import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { changesPageSchema, type Change } from '../../shared/api/sync';
import { employerSchema, type Employer } from '../../shared/domain/employers';
import { offerSchema, type Offer, type OfferFormInput } from '../../shared/domain/offers';
import type { Platform } from '../server';
import { apiCaller } from '../test-support';

/** Bordeaux, and communes at known distances from it (INSEE codes). */
export const COMMUNES = {
  bordeaux: '33063',
  talence: '33522',
  merignac: '33281',
  pessac: '33318',
  libourne: '33243',
  arcachon: '33009',
  pau: '64445',
} as const;

/** A contact person as "Ajouter un employeur" sends it. */
export const CONTACT = {
  contactLastName: 'Lafargue',
  contactFirstName: 'Sophie',
  contactMail: 'Sophie.Lafargue@Exemple.fr',
  contactPhone: '05 56 12 34 56',
};

/** The fields of a valid offer of this employer; `overrides` change some. */
export function offerFields(employerId: string, overrides: Partial<OfferFormInput> = {}): OfferFormInput {
  return {
    employerId,
    title: 'Apprenti(e) pâtissier(ère)',
    romeCode: 'D1104',
    diplomaIds: ['cap-patissier'],
    contractType: 'apprentissage',
    startDate: '2026-09-01',
    durationMonths: 24,
    positions: 1,
    rhythm: '2 semaines en entreprise, 1 semaine au CFA',
    communeCode: COMMUNES.bordeaux,
    description: 'Fabrication des entremets et des viennoiseries au sein d’une équipe de six personnes.',
    handicapCommitment: false,
    sharedWithStructure: true,
    franceTravail: false,
    ...overrides,
  };
}

/** Requests about employers and offers, for a platform under test. */
export function offerCalls(platform: () => Platform) {
  const call = apiCaller(platform);
  return {
    call,
    /** "Ajouter un employeur": the platform's answer, accepted or refused. */
    async addEmployer(token: string, siret: string, headers: Record<string, string> = {}): Promise<Employer> {
      const response = await call(
        'POST',
        '/employers',
        token,
        { id: randomUUID(), siret, ...CONTACT },
        headers,
      );
      expect(response.statusCode).toBe(201);
      return employerSchema.parse(response.json());
    },
    postOffer(
      token: string,
      fields: OfferFormInput,
      id: string = randomUUID(),
      headers: Record<string, string> = {},
    ) {
      return call('POST', '/offers', token, { id, ...fields }, headers);
    },
    async createOffer(token: string, fields: OfferFormInput): Promise<Offer> {
      const response = await call('POST', '/offers', token, { id: randomUUID(), ...fields });
      expect(response.statusCode, response.body).toBe(201);
      return offerSchema.parse(response.json());
    },
    patchOffer(
      token: string,
      offer: { id: string; version: number },
      patch: unknown,
      headers: Record<string, string> = {},
    ) {
      return call('PATCH', `/offers/${offer.id}`, token, patch, {
        'if-match': `"${offer.version}"`,
        ...headers,
      });
    },
    getOffer(token: string, id: string) {
      return call('GET', `/offers/${id}`, token);
    },
    async listOffers(token: string): Promise<Offer[]> {
      const response = await call('GET', '/offers', token);
      expect(response.statusCode).toBe(200);
      return offerSchema.array().parse(response.json());
    },
    /** The change feed this user sees after `since` (one page, large enough for a test). */
    async feed(token: string, since = 0): Promise<Change[]> {
      const response = await call('GET', `/sync/changes?since=${since}&limit=5000`, token);
      expect(response.statusCode).toBe(200);
      return changesPageSchema.parse(response.json()).changes;
    },
  };
}
