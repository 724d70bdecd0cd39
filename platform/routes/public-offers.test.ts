import { beforeAll, describe, expect, it } from 'vitest';
import {
  publicOfferSchema,
  publicOffersPageSchema,
  type OfferFormInput,
  type PublicOffer,
} from '../../shared/domain/offers';
import { COMMUNES, CONTACT, offerCalls, offerFields } from '../offers/test-fixtures';
import {
  expectProblem,
  freeSirets,
  newGestionnaire,
  newPendingMember,
  newReferent,
  usePlatform,
  type TestMember,
} from '../test-support';

// Each publication one minute after the previous one: "newest first" is well defined.
let now = new Date('2026-05-04T08:00:00.000Z');
const tick = () => (now = new Date(now.getTime() + 60_000));
const platform = usePlatform({ limits: { registrations: 10_000 }, clock: () => now });
const { call, addEmployer, createOffer, patchOffer } = offerCalls(platform);
const nextSiret = freeSirets();

/** A word found in no other test's offers, so that each test counts its own. */
let words = 0;
const uniqueWord = () => `motcle${String.fromCharCode(97 + (words % 26))}${++words}x`;

let owner: TestMember & { structureId: string; siret: string };
let employerId: string;

beforeAll(async () => {
  owner = await newReferent(platform, nextSiret);
  employerId = (await addEmployer(owner.token, nextSiret())).id;
});

async function publish(fields: Partial<OfferFormInput>) {
  tick();
  return createOffer(owner.token, offerFields(employerId, fields));
}

async function search(query: Record<string, string | number>, token = owner.token) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const response = await call('GET', `/offers/public?${search}`, token);
  expect(response.statusCode, response.body).toBe(200);
  return publicOffersPageSchema.parse(response.json());
}

const titles = (offers: PublicOffer[]) => offers.map((o) => o.title);

describe('GET /offers/public: keywords and filters', () => {
  it('finds accented text from a keyword typed without accents, or in capitals, in any of the searched fields', async () => {
    const word = uniqueWord();
    await publish({ title: `Pâtissière ${word}`, description: 'Entremets et crèmes.' });
    await publish({
      title: `Vendeur ${word}`,
      romeCode: 'D1106',
      description: 'Rayon épicerie fine, accueil des clients.',
    });
    await publish({ title: `Boulanger ${word}`, romeCode: 'D1102', description: 'Fournée du matin.' });

    expect(titles((await search({ q: `patissiere ${word}` })).offers)).toEqual([`Pâtissière ${word}`]);
    expect(titles((await search({ q: `EPICERIE ${word}` })).offers)).toEqual([`Vendeur ${word}`]);
    expect(titles((await search({ q: `Crème ${word}` })).offers)).toEqual([`Pâtissière ${word}`]);
    // The métier's label (Boulanger / Boulangère) and the employer's name are searched too.
    expect(titles((await search({ q: `boulangere ${word}` })).offers)).toEqual([`Boulanger ${word}`]);
    expect((await search({ q: word })).total).toBe(3);
    expect((await search({ q: `${word} inexistantissime` })).total).toBe(0);
  });

  it('folds European letters and typographic marks like the desktop: « Søren », « Straße », « L’Haÿ »', async () => {
    const word = uniqueWord();
    await publish({ title: `Commis chez Søren ${word}`, description: 'Cuisine de Straße en Łódź.' });
    await publish({
      title: `Vendeur ${word}`,
      description: 'Boutique de L’Haÿ-les-Roses, Saint\u2011Étienne.',
    });
    expect(titles((await search({ q: `soren ${word}` })).offers)).toEqual([`Commis chez Søren ${word}`]);
    expect(titles((await search({ q: `strasse lodz ${word}` })).offers)).toEqual([
      `Commis chez Søren ${word}`,
    ]);
    expect(titles((await search({ q: `l'hay saint-etienne ${word}` })).offers)).toEqual([`Vendeur ${word}`]);
  });

  it('filters by métier, diploma level and contract type', async () => {
    const word = uniqueWord();
    // CAP (level 3) and BTS MCO (level 5).
    await publish({ title: `A ${word}`, diplomaIds: ['cap-patissier', 'bts-mco'] });
    await publish({ title: `B ${word}`, diplomaIds: ['bp-boulanger'], romeCode: 'D1102' });
    await publish({
      title: `C ${word}`,
      diplomaIds: ['tp-developpeur-web'],
      contractType: 'professionnalisation',
    });

    expect(titles((await search({ q: word, level: 3 })).offers)).toEqual([`A ${word}`]);
    expect(titles((await search({ q: word, level: 5 })).offers).sort()).toEqual([`A ${word}`, `C ${word}`]);
    expect(titles((await search({ q: word, level: 4 })).offers)).toEqual([`B ${word}`]);
    expect((await search({ q: word, level: 7 })).total).toBe(0);
    expect(titles((await search({ q: word, rome: 'd1102' })).offers)).toEqual([`B ${word}`]);
    expect(titles((await search({ q: word, contractType: 'professionnalisation' })).offers)).toEqual([
      `C ${word}`,
    ]);
    expect(titles((await search({ q: word, contractType: 'apprentissage', level: 3 })).offers)).toEqual([
      `A ${word}`,
    ]);

    const [first] = (await search({ q: word, level: 3 })).offers;
    expect(first!.diplomas).toEqual([
      { id: 'cap-patissier', label: 'CAP Pâtissier', level: 3 },
      { id: 'bts-mco', label: 'BTS Management commercial opérationnel (MCO)', level: 5 },
    ]);
  });

  it('lists only offers "En cours", of every structure, shared or not, newest first', async () => {
    const word = uniqueWord();
    const filled = await publish({ title: `Pourvue ${word}` });
    const archived = await publish({ title: `Archivée ${word}` });
    await publish({ title: `Non partagée ${word}`, sharedWithStructure: false });
    await patchOffer(owner.token, filled, { status: 'pourvue' });
    await patchOffer(owner.token, archived, { status: 'archivee' });

    const other = await newReferent(platform, nextSiret);
    const otherEmployer = await addEmployer(other.token, nextSiret());
    tick();
    await createOffer(other.token, offerFields(otherEmployer.id, { title: `Ailleurs ${word}` }));

    const page = await search({ q: word });
    expect(titles(page.offers)).toEqual([`Ailleurs ${word}`, `Non partagée ${word}`]);
    expect(page.offers.map((o) => o.distanceKm)).toEqual([null, null]);
    expect(page.offers[0]!.structureName).toBe(
      (await call('GET', '/structure', other.token)).json().tradeName ??
        (await call('GET', '/structure', other.token)).json().legalName,
    );
    // A gestionnaire who may not see the unshared offer in "Mes offres" still finds it here.
    const colleague = await newGestionnaire(platform, owner);
    expect((await search({ q: word }, colleague.token)).total).toBe(2);
  });
});

describe('GET /offers/public: by distance', () => {
  it('keeps the offers within the radius of the commune, nearest first, with their distance', async () => {
    const word = uniqueWord();
    for (const [name, code] of Object.entries(COMMUNES))
      await publish({ title: `${name} ${word}`, communeCode: code });

    const within12 = await search({ q: word, commune: COMMUNES.bordeaux, radiusKm: 12 });
    expect(titles(within12.offers)).toEqual([
      `bordeaux ${word}`,
      `talence ${word}`,
      `merignac ${word}`,
      `pessac ${word}`,
    ]);
    // Computed by hand (haversine, R = 6,371 km) from the communes' centres: Bordeaux
    // 44.86243, -0.58475; Mérignac 44.83127, -0.68197 → 8.41 km; Pessac 44.78603, -0.68099 → 11.39 km.
    expect(within12.offers.map((o) => o.distanceKm)).toEqual([0, 6.3, 8.4, 11.4]);

    const within30 = await search({ q: word, commune: COMMUNES.bordeaux, radiusKm: 30 });
    expect(titles(within30.offers).at(-1)).toBe(`libourne ${word}`);
    expect(within30.total).toBe(5);
    expect(within30.offers.at(-1)!.distanceKm).toBeCloseTo(28.3, 1);

    const far = await search({ q: word, commune: COMMUNES.pau, radiusKm: 200 });
    expect(titles(far.offers)[0]).toBe(`pau ${word}`);
    expect(far.offers.find((o) => o.communeCode === COMMUNES.bordeaux)!.distanceKm).toBeCloseTo(172.4, 1);
    expect(far.total).toBe(7);
  });

  it('keeps the commune alone without a radius (or with 0 km)', async () => {
    const word = uniqueWord();
    await publish({ title: `Mérignac ${word}`, communeCode: COMMUNES.merignac });
    await publish({ title: `Bordeaux ${word}`, communeCode: COMMUNES.bordeaux });
    for (const query of [
      { commune: COMMUNES.merignac },
      { commune: COMMUNES.merignac, radiusKm: 0 },
    ] as Array<Record<string, string | number>>) {
      const page = await search({ q: word, ...query });
      expect(titles(page.offers)).toEqual([`Mérignac ${word}`]);
      expect(page.offers[0]!.distanceKm).toBe(0);
    }
  });

  it('answers 422 on the commune field for a commune outside Nouvelle-Aquitaine, 400 for a bad filter', async () => {
    const problem = expectProblem(
      await call('GET', '/offers/public?commune=75056&radiusKm=10', owner.token),
      422,
    );
    expect(problem.errors).toEqual([
      { field: 'commune', detail: expect.stringContaining('Nouvelle-Aquitaine') },
    ]);
    for (const [query, field] of [
      ['level=9', 'level'],
      ['level=deux', 'level'],
      ['radiusKm=-5', 'radiusKm'],
      ['radiusKm=500', 'radiusKm'],
      ['contractType=cdi', 'contractType'],
      ['commune=Bordeaux', 'commune'],
      ['rome=boulanger', 'rome'],
      ['page=0', 'page'],
    ]) {
      const bad = expectProblem(await call('GET', `/offers/public?${query}`, owner.token), 400);
      expect(
        bad.errors?.map((e) => e.field),
        query,
      ).toEqual([field]);
    }
  });
});

describe('GET /offers/public: pages and privacy', () => {
  it('answers 20 offers a page, with the total', async () => {
    const word = uniqueWord();
    for (let i = 1; i <= 25; i++) await publish({ title: `Offre ${i} ${word}` });
    const first = await search({ q: word });
    expect(first).toMatchObject({ page: 1, pageSize: 20, total: 25 });
    expect(first.offers).toHaveLength(20);
    expect(first.offers[0]!.title).toBe(`Offre 25 ${word}`);
    const second = await search({ q: word, page: 2 });
    expect(titles(second.offers)).toEqual([5, 4, 3, 2, 1].map((i) => `Offre ${i} ${word}`));
    expect((await search({ q: word, page: 3 })).offers).toEqual([]);

    // By distance too.
    const near = await search({ q: word, commune: COMMUNES.bordeaux, radiusKm: 5, page: 2 });
    expect(near).toMatchObject({ total: 25, page: 2 });
    expect(near.offers).toHaveLength(5);
  });

  it('never carries a contact detail of the employer or of the structure', async () => {
    const word = uniqueWord();
    await publish({ title: `Contact ${word}` });
    const response = await call('GET', `/offers/public?q=${word}`, owner.token);
    const [offer] = response.json().offers;
    expect(Object.keys(offer).sort()).toEqual(Object.keys(publicOfferSchema.shape).sort());
    expect(response.body).not.toContain('lafargue');
    expect(response.body).not.toContain(CONTACT.contactLastName);
    expect(response.body).not.toMatch(/@|\+33/);
  });

  it('is for members of a structure only', async () => {
    expect(expectProblem(await call('GET', '/offers/public'), 401).code).toBe('token_missing');
    const pending = await newPendingMember(platform, owner.siret);
    expect(expectProblem(await call('GET', '/offers/public', pending.token), 403).code).toBe(
      'membership_pending',
    );
  });
});
