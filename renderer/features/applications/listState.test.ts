import { describe, expect, it } from 'vitest';
import { applicationsListQuerySchema } from '../../../shared/ipc/contract';
import { datesReversed, isFiltered, PAGE_SIZE, readListState, toListQuery, withChanges } from './listState';
import { APPLICATIONS_PATH, applicationsListPath, newApplicationsPath } from './paths';

const OFFER = '0b7d5c1e-3c1a-4f4e-9a57-2f1c6f0e8a11';
const EMPLOYER = '5f0e2a3b-8c4d-4e6f-a1b2-c3d4e5f6a7b8';

const read = (search: string) => readListState(new URLSearchParams(search));

describe('readListState', () => {
  it('starts on "A traiter", unfiltered, newest first', () => {
    expect(read('')).toEqual({
      tab: 'a_traiter',
      filters: {
        offerId: null,
        employerId: null,
        receivedFrom: null,
        receivedTo: null,
        q: null,
        overdue: false,
      },
      sort: { key: 'receivedAt', direction: 'desc' },
      page: 1,
    });
  });

  it('reads a deep link with its French parameter names', () => {
    const state = read(
      `onglet=recevable&offre=${OFFER}&employeur=${EMPLOYER}&du=2026-03-01&au=2026-03-31&recherche=%20Dupont%20&tri=applicant&ordre=asc&page=3`,
    );
    expect(state).toEqual({
      tab: 'recevable',
      filters: {
        offerId: OFFER,
        employerId: EMPLOYER,
        receivedFrom: '2026-03-01',
        receivedTo: '2026-03-31',
        q: 'Dupont',
        overdue: false,
      },
      sort: { key: 'applicant', direction: 'asc' },
      page: 3,
    });
  });

  it('falls back to the defaults on a mistyped address instead of failing', () => {
    const state = read(
      'onglet=toutes&offre=12&employeur=x&du=01/03/2026&au=2026-02-30&tri=nom&ordre=up&page=-2',
    );
    expect(state.tab).toBe('a_traiter');
    expect(state.filters).toMatchObject({
      offerId: null,
      employerId: null,
      receivedFrom: null,
      receivedTo: null,
    });
    expect(state.sort).toEqual({ key: 'receivedAt', direction: 'desc' });
    expect(state.page).toBe(1);
  });
});

describe('applicationsListPath', () => {
  it('writes the links that readListState reads back', () => {
    const path = applicationsListPath({ status: 'refusee', offerId: OFFER, employerId: EMPLOYER });
    const state = read(path.split('?')[1]!);
    expect(state.tab).toBe('refusee');
    expect(state.filters).toMatchObject({ offerId: OFFER, employerId: EMPLOYER, overdue: false });
  });

  it('leads to the overdue applications "A traiter"', () => {
    const path = applicationsListPath({ status: 'a_traiter', overdue: true });
    const state = read(path.split('?')[1]!);
    expect(state.tab).toBe('a_traiter');
    expect(state.filters.overdue).toBe(true);
    expect(toListQuery(state).overdue).toBe(true);
  });

  it('sends a notice of new applications to the plain list "A traiter"', () => {
    expect(newApplicationsPath()).toBe(APPLICATIONS_PATH);
    expect(read('').tab).toBe('a_traiter');
  });
});

describe('toListQuery', () => {
  it('asks the core for the page shown, with only the filters set, in a query the contract accepts', () => {
    const state = read(`onglet=abandonnee&employeur=${EMPLOYER}&recherche=cuisine&page=2`);
    const query = toListQuery(state);
    expect(query).toEqual({
      status: 'abandonnee',
      employerId: EMPLOYER,
      q: 'cuisine',
      sort: 'receivedAt',
      direction: 'desc',
      limit: PAGE_SIZE,
      offset: PAGE_SIZE,
    });
    expect(applicationsListQuerySchema.safeParse(query).success).toBe(true);
  });

  it('drops the overdue flag outside "A traiter", where it would empty the list', () => {
    expect(toListQuery(read('onglet=recevable&en-retard=oui')).overdue).toBeUndefined();
  });

  it('pages the export from any offset', () => {
    expect(toListQuery(read('page=4'), 500, 500)).toMatchObject({ offset: 500, limit: 500 });
  });
});

describe('filters', () => {
  it('tells a filtered list from the whole tab', () => {
    expect(isFiltered(read('onglet=refusee&tri=number').filters)).toBe(false);
    expect(isFiltered(read('du=2026-01-01').filters)).toBe(true);
    expect(isFiltered(read('en-retard=oui').filters)).toBe(true);
  });

  it('notices dates "du" and "au" in the wrong order', () => {
    expect(datesReversed({ receivedFrom: '2026-03-02', receivedTo: '2026-03-01' })).toBe(true);
    expect(datesReversed({ receivedFrom: '2026-03-01', receivedTo: '2026-03-01' })).toBe(false);
    expect(datesReversed({ receivedFrom: null, receivedTo: '2026-03-01' })).toBe(false);
  });

  it('removes emptied parameters and keeps the others', () => {
    const next = withChanges(new URLSearchParams('onglet=refusee&page=3&recherche=x'), {
      page: null,
      recherche: '',
      du: '2026-01-01',
    });
    expect(next.toString()).toBe('onglet=refusee&du=2026-01-01');
  });
});
