import { describe, expect, it } from 'vitest';
import {
  CONTACT_NEEDS_OFFER,
  CONTACT_OFFER_NOT_OPEN,
  RADIUS_NEEDS_COMMUNE,
  type Profile,
  type ProfilesPage,
} from '../../../shared/domain/profiles';
import type { Commune, Diploma } from '../../../shared/domain/referentials';
import { AppError } from '../../../shared/ipc/errors';
import { OFFER_ID, sampleApplication } from '../../../tests/support/applications';
import { published, sampleOffer, useScriptedEngine } from '../../../tests/support/scripted-engine';
import { alertsHandlers } from '../handlers/alerts';
import { contactsHandlers } from '../handlers/contacts';
import { favoritesHandlers } from '../handlers/favorites';
import { profilesHandlers } from '../handlers/profiles';
import { searchHandlers } from '../handlers/search';
import { memberHandlers } from '../../../tests/support/member-handlers';
import { PLATFORM_UNREACHABLE } from '../platform/errors';
import type { RequestOptions } from '../platform/client';
import { writeReferential } from '../referentials/tables';
import { syncEntities } from '../sync/entities';
import { cacheProfile } from './cache';
import { PROFILE_NOT_HERE } from './not-here';
import { COMMUNE_UNKNOWN, DIPLOMA_UNKNOWN } from '../../../shared/domain/profiles';
import { sampleAlert, sampleFavorite, sampleProfile } from '../../../tests/support/profiles';

// "Rechercher des profils", "Favoris", "Contacter ce profil", "Alertes" and the global search,
// through the dispatcher (inputs checked by the contract as in the app), on a real local
// database. The platform is a script: it answers, refuses, or cannot be reached.

const scripted = useScriptedEngine();

const communes: Commune[] = [
  {
    code: '33063',
    name: 'Bordeaux',
    postalCode: '33000',
    departementCode: '33',
    latitude: 44.8378,
    longitude: -0.5792,
  },
  {
    code: '33281',
    name: 'Mérignac',
    postalCode: '33700',
    departementCode: '33',
    latitude: 44.8386,
    longitude: -0.6436,
  },
  {
    code: '33243',
    name: 'Libourne',
    postalCode: '33500',
    departementCode: '33',
    latitude: 44.9153,
    longitude: -0.2439,
  },
  {
    code: '64445',
    name: 'Pau',
    postalCode: '64000',
    departementCode: '64',
    latitude: 43.2951,
    longitude: -0.3708,
  },
];
const diplomas: Diploma[] = [
  { id: 'cap-cuisine', label: 'CAP Cuisine', kind: 'CAP', level: 3 },
  { id: 'bts-mco', label: 'BTS Management commercial opérationnel', kind: 'BTS', level: 5 },
];

const id = (n: number) => `c1000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const ines = sampleProfile(id(1));
const lucas = sampleProfile(id(2), {
  firstName: 'Lucas',
  lastName: 'Etcheverry',
  romeCode: 'D1402',
  romeLabel: 'Relation commerciale grands comptes',
  level: 5,
  diplomas: [{ id: 'bts-mco', label: 'BTS Management commercial opérationnel', level: 5, state: 'obtenu' }],
  communeCode: '33243',
  communeName: 'Libourne',
  mobilityKm: 50,
  availableFrom: '2026-10-15',
  contractTypes: ['professionnalisation'],
  presentation: 'Vendeur en reconversion, à l’aise avec la clientèle.',
  oeth: true,
  createdAt: '2026-02-03T09:00:00.000Z',
});
const maite = sampleProfile(id(3), {
  firstName: 'Maïté',
  lastName: 'Larrieu',
  communeCode: '64445',
  communeName: 'Pau',
  presentation: 'Cuisinière de brasserie, élève de CAP.',
  createdAt: '2026-02-02T09:00:00.000Z',
});
const merignac = sampleProfile(id(4), {
  firstName: 'Léo',
  lastName: 'Dupuy',
  communeCode: '33281',
  communeName: 'Mérignac',
  presentation: 'Commis en pâtisserie.',
  createdAt: '2026-01-15T09:00:00.000Z',
});

const offline = async (): Promise<never> => {
  throw new AppError('offline', PLATFORM_UNREACHABLE);
};

/**
 * The handlers of a signed-in gestionnaire whose desktop has the referentials, these profiles
 * and the structure's offer "En cours"; `platform` answers the calls to the platform.
 */
async function desktop(
  profiles: Profile[] = [],
  platform: (request: RequestOptions) => Promise<unknown> = offline,
) {
  const handlers = await memberHandlers(
    scripted(),
    'gestionnaire',
    (ctx) => ({
      ...profilesHandlers(ctx),
      ...favoritesHandlers(ctx),
      ...contactsHandlers(ctx),
      ...alertsHandlers(ctx),
      ...searchHandlers(ctx),
    }),
    { call: platform as never },
  );
  const { store, engine } = scripted();
  await store.write((tx) => {
    writeReferential(tx, 'communes', communes, '1', null);
    writeReferential(tx, 'diplomas', diplomas, '1', null);
    for (const profile of profiles) cacheProfile(tx, profile);
  });
  await engine.applyServerRows(syncEntities.offer, [
    published(sampleOffer(OFFER_ID), 12),
    published(sampleOffer(FILLED, { status: 'pourvue', title: 'Plongeur' }), 13),
  ]);
  return handlers;
}

const FILLED = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a90';
const names = (page: ProfilesPage) => page.profiles.map((p) => `${p.firstName} ${p.distanceKm ?? ''}`.trim());

describe('"Rechercher des profils"', () => {
  it('asks the platform, and keeps what it shows for later, offline', async () => {
    const requests: RequestOptions[] = [];
    let online = true;
    const { call } = await desktop([], async (request) => {
      requests.push(request);
      if (!online) return offline();
      return { profiles: [{ ...lucas, distanceKm: 28.1 }], page: 1, pageSize: 20, total: 1 };
    });
    const query = { q: 'vendeur', commune: '33063', radiusKm: 40, oeth: true, page: 1 };
    expect(await call('profiles.search', query)).toMatchObject({ source: 'platform', total: 1 });
    expect(requests[0]).toMatchObject({
      method: 'GET',
      path: '/profiles',
      params: { q: 'vendeur', commune: '33063', radiusKm: 40, oeth: 'true', page: 1 },
    });

    online = false;
    const cached = await call('profiles.search', query);
    expect(cached).toMatchObject({ source: 'cache', total: 1, page: 1, pageSize: 20 });
    expect(names(cached)).toEqual(['Lucas 27.8']);
  });

  it('shows the platform’s refusal on its field', async () => {
    const { refuse } = await desktop([], async () => {
      throw new AppError('validation', COMMUNE_UNKNOWN, { commune: COMMUNE_UNKNOWN });
    });
    expect(await refuse('profiles.search', { commune: '33999' })).toEqual({
      code: 'validation',
      message: COMMUNE_UNKNOWN,
      fields: { commune: COMMUNE_UNKNOWN },
    });
  });

  it('refuses a radius negative, absurd or without a commune, naming the field', async () => {
    const { refuse } = await desktop();
    expect(await refuse('profiles.search', { commune: '33063', radiusKm: -5 })).toMatchObject({
      code: 'validation',
      fields: { radiusKm: 'Le champ « Rayon » ne peut pas être négatif.' },
    });
    expect(await refuse('profiles.search', { commune: '33063', radiusKm: 5000 })).toMatchObject({
      fields: { radiusKm: 'Le champ « Rayon » ne doit pas dépasser 200 km.' },
    });
    expect(await refuse('profiles.search', { radiusKm: 10 })).toMatchObject({
      fields: { radiusKm: RADIUS_NEEDS_COMMUNE },
    });
  });

  describe('offline, over the profiles kept here', () => {
    const profiles = [ines, lucas, maite, merignac];

    it('matches every word, accents and case aside, as the start of a word of the métier, diplomas, commune or presentation', async () => {
      const { call } = await desktop(profiles);
      const search = async (q: string) => names(await call('profiles.search', { q }));
      expect(await search('eleve')).toEqual(['Maïté', 'Inès']);
      expect(await search('CUIS brass')).toEqual(['Maïté']);
      expect(await search('patis')).toEqual(['Inès', 'Léo']);
      expect(await search('libourne')).toEqual(['Lucas']);
      expect(await search('management commercial')).toEqual(['Lucas']);
      // The candidate's name is not a keyword (nor on the platform).
      expect(await search('laborde')).toEqual([]);
      for (const q of ['"', '*', 'NEAR', "'; DROP TABLE profile; --", 'cuisine"', 'NEAR(cuisine', '{title}:'])
        await expect(call('profiles.search', { q })).resolves.toMatchObject({ source: 'cache' });
      expect(await search('"')).toEqual(['Lucas', 'Maïté', 'Inès', 'Léo']);
    });

    it('filters by diploma, level, métier, availability, contract, OETH and mobility', async () => {
      const { call } = await desktop(profiles);
      const search = async (filters: object) => names(await call('profiles.search', filters));
      expect(await search({ diploma: 'bts-mco' })).toEqual(['Lucas']);
      expect(await search({ level: 4 })).toEqual(['Lucas']);
      expect(await search({ rome: 'G1602' })).toEqual(['Maïté', 'Inès', 'Léo']);
      expect(await search({ availableBy: '2026-09-30' })).toEqual(['Maïté', 'Inès', 'Léo']);
      expect(await search({ contractType: 'professionnalisation' })).toEqual(['Lucas']);
      expect(await search({ oeth: true })).toEqual(['Lucas']);
      expect(await search({ oeth: false })).toHaveLength(4);
      expect(await search({ mobilityMinKm: 40 })).toEqual(['Lucas']);
    });

    it('searches around a commune, nearest first, within the radius', async () => {
      const { call } = await desktop(profiles);
      const around = async (filters: object) =>
        names(await call('profiles.search', { commune: '33063', ...filters }));
      expect(await around({})).toEqual(['Inès 0', 'Léo 5.1', 'Lucas 27.8', 'Maïté 172.3']);
      expect(await around({ radiusKm: 30 })).toEqual(['Inès 0', 'Léo 5.1', 'Lucas 27.8']);
      expect(await around({ radiusKm: 0 })).toEqual(['Inès 0']);
      expect(await around({ radiusKm: 30, q: 'patisserie' })).toEqual(['Inès 0', 'Léo 5.1']);
    });

    it('places the profiles kept here by the communes referential, as it changes', async () => {
      const landes = sampleProfile(id(9), { communeCode: '40192', communeName: 'Mont-de-Marsan' });
      const { call } = await desktop([landes]);
      expect(names(await call('profiles.search', { commune: '33063' }))).toEqual(['Inès']);
      expect((await call('profiles.search', { commune: '33063', radiusKm: 200 })).total).toBe(0);
      const montDeMarsan = {
        ...communes[0]!,
        code: '40192',
        name: 'Mont-de-Marsan',
        latitude: 43.8902,
        longitude: -0.4995,
      };
      await scripted().store.write((tx) =>
        writeReferential(tx, 'communes', [...communes, montDeMarsan], '2', null),
      );
      expect(names(await call('profiles.search', { commune: '33063', radiusKm: 200 }))).toEqual([
        'Inès 105.6',
      ]);
    });

    it('refuses a commune or a diploma the referentials do not know, naming the field', async () => {
      const { refuse } = await desktop(profiles);
      expect(await refuse('profiles.search', { commune: '33999' })).toEqual({
        code: 'validation',
        message: COMMUNE_UNKNOWN,
        fields: { commune: COMMUNE_UNKNOWN },
      });
      expect(await refuse('profiles.search', { diploma: 'cap-inconnu' })).toMatchObject({
        fields: { diploma: DIPLOMA_UNKNOWN },
      });
    });

    it('pages twenty at a time', async () => {
      const many = Array.from({ length: 25 }, (_, i) =>
        sampleProfile(id(10 + i), { createdAt: `2026-03-${String(i + 1).padStart(2, '0')}T09:00:00.000Z` }),
      );
      const { call } = await desktop(many);
      const second = await call('profiles.search', { rome: 'G1602', page: 2 });
      expect(second).toMatchObject({ total: 25, page: 2 });
      expect(second.profiles.map((p) => p.id)).toEqual(
        many
          .slice(0, 5)
          .map((p) => p.id)
          .reverse(),
      );
    });
  });
});

describe('"Détails" of a profile', () => {
  it('comes from the platform, with what the structure did with the profile', async () => {
    const application = sampleApplication('a7000000-0000-4000-8000-000000000001', {
      profile: { ...sampleApplication('x').profile!, id: ines.id },
    });
    const { call } = await desktop([], async () => ines);
    await scripted().engine.applyServerRows(syncEntities.application, [application]);
    await scripted().engine.applyServerRows(syncEntities.alert, [
      sampleAlert('a4000000-0000-4000-8000-000000000009', ines),
    ]);
    const details = await call('profiles.get', { id: ines.id });
    expect(details).toMatchObject({ profile: ines, source: 'platform', favorite: null, contacts: [] });
    expect(details.applications.map((a) => a.id)).toEqual([application.id]);
    expect(details.alerts).toHaveLength(1);
  });

  it('offline, comes from this desktop, or says that it needs the platform', async () => {
    const { call, refuse } = await desktop([ines]);
    expect(await call('profiles.get', { id: ines.id })).toMatchObject({ profile: ines, source: 'cache' });
    expect(await refuse('profiles.get', { id: lucas.id })).toEqual({
      code: 'offline',
      message:
        'Ce profil n’est pas enregistré sur ce poste : son affichage nécessite la plateforme, qui est injoignable. Vérifiez votre connexion internet, puis réessayez.',
    });
  });

  it('is gone with the profile its candidate deleted, here too', async () => {
    let gone = false;
    const deleted = 'Ce profil n’existe plus : le candidat l’a supprimé.';
    const { call, refuse } = await desktop([ines], async () => {
      if (gone) throw new AppError('not_found', deleted);
      return ines;
    });
    await call('profiles.get', { id: ines.id });
    gone = true;
    expect(await refuse('profiles.get', { id: ines.id })).toEqual({ code: 'not_found', message: deleted });
    expect((await call('search.global', { q: 'ines' })).groups).toEqual([]);
  });
});

describe('a profile the platform says is gone (404 in "Détails")', () => {
  it('leaves, and only a newer version of a favourite of it brings it back', async () => {
    let gone = false;
    const { call } = await desktop([], async () => {
      if (gone) throw new AppError('not_found', 'Ce profil n’existe plus : le candidat l’a supprimé.');
      return ines;
    });
    const favorite = sampleFavorite(ines);
    await scripted().engine.applyServerRows(syncEntities.favorite, [favorite]);
    const found = async () => (await call('search.global', { q: 'ines' })).groups.map((g) => g.kind);
    expect(await found()).toEqual(['profile']);
    gone = true;
    await expect(call('profiles.get', { id: ines.id })).rejects.toThrow();
    expect(await found()).toEqual([]);

    // The favourite is a synced row: it stays until the platform removes it, and the same
    // version of it pulled again (a pull from the start) does not bring the profile back...
    await scripted().engine.applyServerRows(syncEntities.favorite, [favorite]);
    expect((await call('favorites.list', undefined)).map((f) => f.id)).toEqual([ines.id]);
    expect(await found()).toEqual([]);
    // ...but a newer version of it does: the platform describes the profile again.
    await scripted().engine.applyServerRows(syncEntities.favorite, [{ ...favorite, version: 2 }]);
    expect(await found()).toEqual(['profile']);
  });
});

describe('"Favoris"', () => {
  it('adds a profile kept here at once, once, and removes it', async () => {
    const { call, refuse } = await desktop([ines, lucas]);
    expect(await refuse('favorites.add', { profileId: maite.id })).toEqual({
      code: 'not_found',
      message: PROFILE_NOT_HERE,
    });
    expect(await refuse('favorites.add', { profileId: 'pas-un-id' })).toMatchObject({
      code: 'validation',
      fields: { profileId: 'Profil invalide.' },
    });
    const added = await call('favorites.add', { profileId: ines.id });
    expect(added).toMatchObject({
      id: ines.id,
      profile: ines,
      addedBy: 'Claire Lacoste',
      syncState: 'pending',
    });
    expect(await call('favorites.add', { profileId: ines.id })).toEqual(added);
    await scripted().engine.applyServerRows(syncEntities.favorite, [
      sampleFavorite(lucas, { addedAt: '2030-01-01T00:00:00.000Z' }),
    ]);
    expect((await call('favorites.list', undefined)).map((f) => f.id)).toEqual([lucas.id, ines.id]);

    expect(await call('favorites.remove', { profileId: ines.id })).toEqual({ done: true });
    expect(await call('favorites.remove', { profileId: ines.id })).toEqual({ done: true });
    expect((await call('favorites.list', undefined)).map((f) => f.id)).toEqual([lucas.id]);
    // Never sent, so nothing to send: the creation and the deletion cancelled each other.
    expect(await scripted().outbox()).toEqual([]);
    expect((await call('profiles.get', { id: ines.id })).favorite).toBeNull();
  });
});

describe('"Contacter ce profil"', () => {
  const message = 'Bonjour, notre offre de commis vous intéresse ? Appelez le 05 56 00 00 00.';

  it('refuses without an offer "En cours" of the structure or without a message, naming the field', async () => {
    const { refuse } = await desktop([ines]);
    const send = (contact: object) => refuse('contacts.send', { profileId: ines.id, contact });
    expect(await send({ message })).toMatchObject({
      code: 'validation',
      fields: { 'contact.offerId': CONTACT_NEEDS_OFFER },
    });
    expect(await send({ offerId: '', message })).toMatchObject({
      fields: { 'contact.offerId': CONTACT_NEEDS_OFFER },
    });
    expect(await send({ offerId: OFFER_ID, message: '   ' })).toMatchObject({
      code: 'validation',
      fields: { 'contact.message': expect.stringContaining('Message') },
    });
    expect(await send({ offerId: FILLED, message })).toEqual({
      code: 'validation',
      message: CONTACT_OFFER_NOT_OPEN,
      fields: { offerId: CONTACT_OFFER_NOT_OPEN },
    });
    expect(await send({ offerId: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a00', message })).toEqual({
      code: 'validation',
      message: CONTACT_NEEDS_OFFER,
      fields: { offerId: CONTACT_NEEDS_OFFER },
    });
    expect(
      await refuse('contacts.send', { profileId: lucas.id, contact: { offerId: OFFER_ID, message } }),
    ).toEqual({
      code: 'not_found',
      message: PROFILE_NOT_HERE,
    });
    expect(await scripted().outbox()).toEqual([]);
  });

  it('keeps the contact in the profile’s history at once, to be sent at the next sync', async () => {
    const { call } = await desktop([ines]);
    const contact = await call('contacts.send', {
      profileId: ines.id,
      contact: { offerId: OFFER_ID, message },
    });
    expect(contact).toMatchObject({
      profileId: ines.id,
      profileName: 'Inès Laborde',
      offerId: OFFER_ID,
      offerNumber: 12,
      offerTitle: 'Commis de cuisine',
      message,
      sentBy: 'Claire Lacoste',
      syncState: 'pending',
    });
    expect((await call('profiles.get', { id: ines.id })).contacts).toEqual([contact]);
    const [queued] = await scripted().outbox();
    expect(JSON.parse(queued!.payload)).toEqual({ profileId: ines.id, offerId: OFFER_ID, message });
  });
});

describe('"Alertes"', () => {
  it('lists those not dismissed, best first, and hides a dismissed one at once', async () => {
    const { call, refuse } = await desktop();
    const best = sampleAlert('a4000000-0000-4000-8000-000000000001', ines, { score: 95 });
    const other = sampleAlert('a4000000-0000-4000-8000-000000000002', lucas, { score: 70, offerId: FILLED });
    const dismissed = sampleAlert('a4000000-0000-4000-8000-000000000003', maite, {
      score: 99,
      dismissed: true,
      dismissedBy: 'Julien Etchart',
    });
    await scripted().engine.applyServerRows(syncEntities.alert, [other, best, dismissed]);
    expect((await call('alerts.list', undefined)).map((a) => a.score)).toEqual([95, 70]);
    expect((await call('alerts.list', { offerId: FILLED })).map((a) => a.id)).toEqual([other.id]);
    expect((await call('alerts.list', { limit: 1 })).map((a) => a.id)).toEqual([best.id]);
    expect(
      (await call('alerts.list', undefined))[0]!.reasons.find((r) => r.criterion === 'metier'),
    ).toMatchObject({
      met: true,
      text: 'Même métier',
    });

    expect(await call('alerts.dismiss', { id: best.id })).toEqual({ done: true });
    expect(await call('alerts.dismiss', { id: best.id })).toEqual({ done: true });
    expect((await call('alerts.list', undefined)).map((a) => a.id)).toEqual([other.id]);
    expect(await scripted().outbox()).toHaveLength(1);
    expect(await refuse('alerts.dismiss', { id: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a00' })).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the global search', () => {
  it('answers from this desktop, whatever is typed', async () => {
    const { call, refuse } = await desktop([ines, lucas]);
    expect(await call('search.global', { q: 'eleve' })).toEqual({
      groups: [
        {
          kind: 'profile',
          hits: [
            {
              kind: 'profile',
              id: ines.id,
              title: 'Inès Laborde — Personnel de cuisine',
              detail: 'Bordeaux · Mobilité : 30 km',
            },
          ],
        },
      ],
    });
    for (const q of ['"', '*', 'NEAR', "'; DROP TABLE offer; --"])
      await expect(call('search.global', { q })).resolves.toEqual({ groups: expect.any(Array) });
    expect(await refuse('search.global', { q: 'x'.repeat(201) })).toMatchObject({
      fields: { q: 'La recherche ne doit pas dépasser 200 caractères.' },
    });
  });
});
