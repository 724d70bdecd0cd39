import { describe, expect, it } from 'vitest';
import { userSchema } from '../../shared/domain/account';
import { employerContactSchema, employerSchema } from '../../shared/domain/employers';
import { offerSchema, publicOffersPageSchema, type Offer } from '../../shared/domain/offers';
import { z } from '../../shared/zod';
import { toOffer } from '../offers/columns';
import { nafSubclasses } from '../referentials/load';
import { communeByCode, diplomaById, romeByCode } from '../referentials/lookups';
import { apiCaller, usePlatform } from '../test-support';
import { DEMO_GESTIONNAIRE, DEMO_REFERENT } from './demo';
import {
  DEMO_EMPLOYER_COUNT,
  DEMO_EMPLOYERS,
  DEMO_NOT_PARTNER_SIRET,
  DEMO_OFFER_COUNTS,
  DEMO_PARTNER_SIRET,
  DEMO_PARTNER_STRUCTURES,
  DEMO_PRIVATE_OFFERS,
  DIRECTORY_CLOSED_SIRET,
  OTHER_STRUCTURES_OFFER_COUNT,
  seedDemoOffers,
} from './demo-offers';
import { DEMO_CFA_SIRET, generateDirectory } from './directory';
import { TRADES_BY_NAF } from './trades';

const platform = usePlatform({ seed: 'demo' });
/** Another demo platform, seeded separately. */
const twin = usePlatform({ seed: 'demo' });
const call = apiCaller(platform);

async function signIn(account: { mail: string; password: string }) {
  const response = await call('POST', '/auth/login', undefined, account);
  expect(response.statusCode).toBe(200);
  return { token: response.json().accessToken as string, user: userSchema.parse(response.json().user) };
}

async function structureId(siret: string): Promise<string> {
  const row = await platform()
    .db.selectFrom('structures')
    .select('id')
    .where('siret', '=', siret)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function offersOf(siret: string): Promise<Offer[]> {
  const rows = await platform()
    .db.selectFrom('offers')
    .selectAll()
    .where('structure_id', '=', await structureId(siret))
    .orderBy('number')
    .execute();
  return rows.map((row) => offerSchema.parse(toOffer(row)));
}

const directory = new Map(generateDirectory().map((e) => [e.siret, e]));

describe('the demo CFA’s partner employers', () => {
  it('are accepted establishments of the directory, with plausible contact persons', async () => {
    const { token } = await signIn(DEMO_REFERENT);
    const employers = z.array(employerSchema).parse((await call('GET', '/employers', token)).json());
    expect(employers).toHaveLength(DEMO_EMPLOYER_COUNT);
    expect(DEMO_EMPLOYERS).toHaveLength(DEMO_EMPLOYER_COUNT);
    expect(employers.map((e) => e.siret).sort()).toEqual(DEMO_EMPLOYERS.map((e) => e.siret).sort());
    expect(new Set(employers.map((e) => e.siret)).size).toBe(DEMO_EMPLOYER_COUNT);
    const nafLabels = new Map(nafSubclasses().map((n) => [n.code, n.label]));
    for (const employer of employers) {
      const establishment = directory.get(employer.siret)!;
      expect(establishment.active).toBe(true);
      expect(employer).toMatchObject({
        status: 'acceptee',
        refusalReason: null,
        legalName: establishment.legalName,
        nafLabel: nafLabels.get(establishment.nafCode),
      });
      // What a desktop would have sent: the form's rules hold.
      expect(employerContactSchema.parse(employer)).toMatchObject({ contactMail: employer.contactMail });
      expect(employer.contactMail).toMatch(/^[a-z-]+\.[a-z-]+@[a-z0-9-]+\.fr$/);
    }
    const { user: gestionnaire } = await signIn(DEMO_GESTIONNAIRE);
    const { user: referent } = await signIn(DEMO_REFERENT);
    expect(new Set(employers.map((e) => e.createdBy))).toEqual(new Set([referent.id, gestionnaire.id]));
  });

  it('exports SIRETs for each outcome of "Ajouter un employeur"', () => {
    expect(DEMO_EMPLOYERS.map((e) => e.siret)).toContain(DEMO_PARTNER_SIRET);
    expect(directory.get(DEMO_NOT_PARTNER_SIRET)?.active).toBe(true);
    expect(DEMO_EMPLOYERS.map((e) => e.siret)).not.toContain(DEMO_NOT_PARTNER_SIRET);
    expect(DEMO_PARTNER_STRUCTURES.map((s) => s.siret)).not.toContain(DEMO_NOT_PARTNER_SIRET);
    expect(directory.get(DIRECTORY_CLOSED_SIRET)?.active).toBe(false);
  });
});

describe('the demo CFA’s offers', () => {
  it('fill the three tabs, mostly "En cours", with consistent métiers and diplomas', async () => {
    const offers = await offersOf(DEMO_CFA_SIRET);
    const count = (status: string) => offers.filter((o) => o.status === status).length;
    expect({ en_cours: count('en_cours'), pourvue: count('pourvue'), archivee: count('archivee') }).toEqual(
      DEMO_OFFER_COUNTS,
    );
    const employers = await platform().db.selectFrom('employers').select(['id', 'naf_code']).execute();
    const nafOf = new Map(employers.map((e) => [e.id, e.naf_code!]));
    for (const offer of offers) {
      const trades = TRADES_BY_NAF[nafOf.get(offer.employerId)!]!;
      const trade = trades.find((t) => t.rome === offer.romeCode);
      expect(trade, `${offer.number} ${offer.title}`).toBeDefined();
      expect(trade!.diplomas.map((d) => d.join())).toContain(offer.diplomaIds.join());
      expect(offer.romeLabel).toBe(romeByCode().get(offer.romeCode)!.label);
      for (const id of offer.diplomaIds) expect(diplomaById().has(id)).toBe(true);
      expect(communeByCode().get(offer.communeCode)?.name).toBe(offer.communeName);
      expect(offer.description).toContain(offer.contractType === 'stage' ? 'stagiaire' : 'recrute');
    }
    // "En cours" offers stay online for months; archived ones are past their end date.
    const now = Date.now();
    for (const offer of offers) {
      const archiveAt = new Date(offer.archiveAt!).getTime();
      if (offer.status === 'en_cours') expect(archiveAt).toBeGreaterThan(now);
      if (offer.status === 'archivee') expect(archiveAt).toBeLessThanOrEqual(now);
    }
    expect(new Set(offers.map((o) => o.title)).size).toBeGreaterThan(15);
    expect(new Set(offers.map((o) => o.contractType))).toContain('professionnalisation');
  });

  it('were created by the référent and the gestionnaire, a few not shared, seen by their author and the référent', async () => {
    const referent = await signIn(DEMO_REFERENT);
    const gestionnaire = await signIn(DEMO_GESTIONNAIRE);
    const offers = await offersOf(DEMO_CFA_SIRET);
    expect(new Set(offers.map((o) => o.createdBy))).toEqual(
      new Set([referent.user.id, gestionnaire.user.id]),
    );
    const hidden = offers.filter((o) => !o.sharedWithStructure);
    expect(hidden.filter((o) => o.createdBy === referent.user.id)).toHaveLength(DEMO_PRIVATE_OFFERS.referent);
    expect(hidden.filter((o) => o.createdBy === gestionnaire.user.id)).toHaveLength(
      DEMO_PRIVATE_OFFERS.gestionnaire,
    );

    const total = offers.length;
    const list = async (token: string) => ((await call('GET', '/offers', token)).json() as Offer[]).length;
    expect(await list(referent.token)).toBe(total);
    expect(await list(gestionnaire.token)).toBe(total - DEMO_PRIVATE_OFFERS.referent);

    const feed = (await call('GET', '/sync/changes?limit=5000', gestionnaire.token)).json().changes as Array<{
      entity: string;
    }>;
    expect(feed.filter((c) => c.entity === 'private_offer')).toHaveLength(DEMO_PRIVATE_OFFERS.gestionnaire);
    expect(feed.filter((c) => c.entity === 'offer')).toHaveLength(total - hidden.length);
    expect(feed.filter((c) => c.entity === 'employer')).toHaveLength(DEMO_EMPLOYER_COUNT);
  });
});

describe('the other structures’ offers', () => {
  it('are about 60 offers "En cours" around three training organisations without demo accounts', async () => {
    let total = 0;
    const departements = new Set<string>();
    for (const structure of DEMO_PARTNER_STRUCTURES) {
      const id = await structureId(structure.siret);
      const users = await platform()
        .db.selectFrom('users')
        .select('id')
        .where('structure_id', '=', id)
        .execute();
      expect(users).toEqual([]);
      const offers = await offersOf(structure.siret);
      expect(offers.every((o) => o.status === 'en_cours' && o.sharedWithStructure)).toBe(true);
      total += offers.length;
      for (const offer of offers) departements.add(communeByCode().get(offer.communeCode)!.departementCode);
    }
    expect(total).toBe(OTHER_STRUCTURES_OFFER_COUNT);
    expect(departements.size).toBeGreaterThanOrEqual(4);
  });

  it('make a search by distance worth using', async () => {
    const { token } = await signIn(DEMO_GESTIONNAIRE);
    const page = async (query: string) =>
      publicOffersPageSchema.parse((await call('GET', `/offers/public?${query}`, token)).json());
    const everything = await page('');
    expect(everything.total).toBe(DEMO_OFFER_COUNTS.en_cours + OTHER_STRUCTURES_OFFER_COUNT);
    const aroundBordeaux = await page('commune=33063&radiusKm=30');
    const aroundLimoges = await page('commune=87085&radiusKm=30');
    expect(aroundBordeaux.total).toBeGreaterThanOrEqual(DEMO_OFFER_COUNTS.en_cours);
    expect(aroundLimoges.total).toBeGreaterThanOrEqual(15);
    expect(aroundLimoges.offers.every((o) => o.structureName !== 'CFA GIRONDE METIERS')).toBe(true);
    expect(aroundBordeaux.total + aroundLimoges.total).toBeLessThan(everything.total);
  });
});

describe('seedDemoOffers', () => {
  it('seeds the same employers and offers, with the same ids and numbers, on every platform', async () => {
    const content = async (db: ReturnType<typeof platform>['db']) => ({
      employers: await db
        .selectFrom('employers')
        .select(['id', 'siret', 'contact_first_name', 'contact_last_name', 'contact_mail', 'contact_phone'])
        .orderBy('id')
        .execute(),
      offers: await db
        .selectFrom('offers')
        .select(['id', 'number', 'title', 'employer_id', 'rome_code', 'diploma_ids', 'description', 'status'])
        .orderBy('number')
        .execute(),
    });
    expect(await content(twin().db)).toEqual(await content(platform().db));
  });

  it('adds nothing when run again', async () => {
    const count = async () => ({
      employers: (await platform().db.selectFrom('employers').select('id').execute()).length,
      offers: (await platform().db.selectFrom('offers').select('id').execute()).length,
      feed: (await platform().db.selectFrom('sync_log').select('seq').execute()).length,
    });
    const before = await count();
    await seedDemoOffers(platform().db, new Map(nafSubclasses().map((n) => [n.code, n.label])), new Date());
    expect(await count()).toEqual(before);
  });
});
