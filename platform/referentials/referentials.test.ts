import { describe, expect, it } from 'vitest';
import {
  diplomaKinds,
  referentialNames,
  referentialResponseSchema,
  ROME_VERSION,
} from '../../shared/domain/referentials';
import { apiCaller, usePlatform } from '../test-support';
import { diplomas, romeEntries } from './load';

const platform = usePlatform();
const call = apiCaller(platform);

describe('the diplomas referential (data/diplomes.csv)', () => {
  const list = diplomas();

  it('holds at least 150 diplomas with unique, stable ids', () => {
    expect(list.length).toBeGreaterThanOrEqual(150);
    expect(new Set(list.map((d) => d.id)).size).toBe(list.length);
    for (const diploma of list) expect(diploma.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('classes each one at a level from 3 to 7, and has every kind', () => {
    for (const diploma of list) {
      expect(Number.isInteger(diploma.level), diploma.id).toBe(true);
      expect(diploma.level, diploma.id).toBeGreaterThanOrEqual(3);
      expect(diploma.level, diploma.id).toBeLessThanOrEqual(7);
      expect(diplomaKinds, diploma.id).toContain(diploma.kind);
    }
    for (const kind of diplomaKinds)
      expect(
        list.some((d) => d.kind === kind),
        kind,
      ).toBe(true);
  });

  it('follows décret 2019-14: CAP 3, bac pro and BP 4, BTS 5, BUT 6, masters 7', () => {
    const byId = new Map(list.map((d) => [d.id, d]));
    expect(byId.get('cap-cuisine')).toMatchObject({ kind: 'CAP', level: 3 });
    expect(byId.get('bp-boulanger')).toMatchObject({ kind: 'BP', level: 4 });
    expect(byId.get('bts-mco')).toMatchObject({ kind: 'BTS', level: 5 });
    expect(byId.get('tp-secretaire-assistant')).toMatchObject({ kind: 'Titre professionnel', level: 4 });
    const levelOf: Partial<Record<string, number>> = {
      CAP: 3,
      'CAP agricole': 3,
      BPA: 3,
      BP: 4,
      'Bac pro': 4,
      BTS: 5,
      BTSA: 5,
      BUT: 6,
      'Licence pro': 6,
      Master: 7,
      "Diplôme d'ingénieur": 7,
    };
    for (const diploma of list) {
      if (levelOf[diploma.kind] !== undefined) expect(diploma.level, diploma.id).toBe(levelOf[diploma.kind]);
    }
  });
});

describe('the ROME referential', () => {
  it('holds the 1,584 métiers of ROME 4.0 (v460) with their domain', () => {
    const entries = romeEntries();
    expect(entries).toHaveLength(1584);
    expect(new Set(entries.map((e) => e.code)).size).toBe(1584);
    expect(entries.find((e) => e.code === 'D1102')).toEqual({
      code: 'D1102',
      label: 'Boulanger / Boulangère',
      domainCode: 'D11',
    });
    // ROME 4.0: the roofer is F1619 (F1610 in v3).
    expect(entries.find((e) => e.code === 'F1619')?.label).toBe('Couvreur / Couvreuse');
    expect(ROME_VERSION).toBe('4.0');
  });
});

describe('GET /referentials/{name}', () => {
  const sizes = { rome: 1584, communes: 4305, naf: 732, diplomas: diplomas().length };

  it.each(referentialNames)(
    'answers the whole %s list and its version, without authentication',
    async (name) => {
      const response = await call('GET', `/referentials/${name}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const body = referentialResponseSchema(name).strict().parse(response.json());
      expect(body.items).toHaveLength(sizes[name]);
      expect(response.headers.etag).toBe(`"${body.version}"`);
      // Only the fields of the shared schema (the CSV files carry more).
      expect(Object.keys(body.items[0]!).sort()).toEqual(
        Object.keys(referentialResponseSchema(name).shape.items.element.shape).sort(),
      );
    },
  );

  it('gives each list its own version, a hash of its content that stays the same between requests', async () => {
    const versions = await Promise.all(
      referentialNames.map(async (name) => (await call('GET', `/referentials/${name}`)).json().version),
    );
    expect(new Set(versions).size).toBe(referentialNames.length);
    expect((await call('GET', '/referentials/rome')).json().version).toBe(versions[0]);
  });

  it('answers 304 without a body to If-None-Match with the current version', async () => {
    const { etag } = (await call('GET', '/referentials/communes')).headers;
    for (const header of [String(etag), `W/${etag}`, `"ancienne", ${etag}`, '*']) {
      const response = await call('GET', '/referentials/communes', undefined, undefined, {
        'if-none-match': header,
      });
      expect(response.statusCode, header).toBe(304);
      expect(response.body).toBe('');
      expect(response.headers.etag).toBe(etag);
    }
    const changed = await call('GET', '/referentials/communes', undefined, undefined, {
      'if-none-match': '"une-autre-version"',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().items).toHaveLength(4305);
  });

  it('gives the communes their postal code, département and centre point', async () => {
    const body = referentialResponseSchema('communes').parse(
      (await call('GET', '/referentials/communes')).json(),
    );
    expect(body.items.find((c) => c.code === '33063')).toEqual({
      code: '33063',
      name: 'Bordeaux',
      postalCode: '33000',
      departementCode: '33',
      latitude: 44.86243,
      longitude: -0.58475,
    });
  });
});
