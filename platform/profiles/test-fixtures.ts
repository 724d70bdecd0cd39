import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Change } from '../../shared/api/sync';
import { alertsListSchema, type Alert } from '../../shared/domain/alerts';
import { candidateNotificationSchema } from '../../shared/domain/candidates';
import { profilesPageSchema, type ProfilesPage } from '../../shared/domain/profiles';
import { candidateCalls } from '../applications/test-fixtures';
import { offerCalls } from '../offers/test-fixtures';
import type { Platform } from '../server';
import { freeSirets, newGestionnaire, newReferent } from '../test-support';

let words = 0;

/** A word no profile or offer of the test platform has yet ("motqzb17…"), to find only a test's own. */
export function uniqueWord(): string {
  return `mot${process.pid.toString(36)}q${(++words).toString(36)}z`;
}

/** The entries of an entity in a feed, as "entity:version" or "-entity" for tombstones. */
export function entries(changes: Change[], id: string): string[] {
  return changes
    .filter((c) => c.id === id)
    .map((c) => (c.deleted ? `-${c.entity}` : `${c.entity}:${c.version}`));
}

/** Requests of "Rechercher des profils", favourites, contacts and alerts, for a platform under test. */
export function profileCalls(platform: () => Platform) {
  const offers = offerCalls(platform);
  const candidates = candidateCalls(platform);
  const { call } = offers;
  const nextSiret = freeSirets();
  return {
    ...offers,
    ...candidates,
    /** A structure (référent "Régine Référent"), a gestionnaire ("Léa Attente"), a partner employer. */
    async team() {
      const owner = await newReferent(platform, nextSiret);
      const employer = await offers.addEmployer(owner.token, nextSiret());
      const colleague = await newGestionnaire(platform, owner);
      return { owner, employer, colleague };
    },
    searchProfiles(token: string, query: string) {
      return call('GET', `/profiles${query}`, token);
    },
    async search(token: string, query: string): Promise<ProfilesPage> {
      const response = await call('GET', `/profiles${query}`, token);
      expect(response.statusCode, response.body).toBe(200);
      return profilesPageSchema.parse(response.json());
    },
    postContact(
      token: string,
      profileId: string,
      body: Record<string, unknown>,
      headers: Record<string, string> = {},
    ) {
      return call('POST', `/profiles/${profileId}/contact`, token, { id: randomUUID(), ...body }, headers);
    },
    putFavorite(token: string, profileId: string, headers: Record<string, string> = {}) {
      return call('PUT', `/favorites/${profileId}`, token, {}, headers);
    },
    deleteFavorite(token: string, profileId: string, headers: Record<string, string> = {}) {
      return call('DELETE', `/favorites/${profileId}`, token, undefined, headers);
    },
    async alerts(token: string, offerId?: string): Promise<Alert[]> {
      const response = await call('GET', `/alerts${offerId ? `?offerId=${offerId}` : ''}`, token);
      expect(response.statusCode, response.body).toBe(200);
      return alertsListSchema.parse(response.json()).alerts;
    },
    dismiss(
      token: string,
      alert: { id: string; version: number },
      body: unknown = { dismissed: true },
      headers: Record<string, string> = {},
    ) {
      return call('PATCH', `/alerts/${alert.id}`, token, body, {
        'if-match': `"${alert.version}"`,
        ...headers,
      });
    },
    async notifications(token: string) {
      const response = await call('GET', '/candidate/notifications', token);
      expect(response.statusCode).toBe(200);
      return candidateNotificationSchema.array().parse(response.json());
    },
  };
}
