import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type {
  ApplicationsPerOffer,
  ApplicationsPerWeek,
  FirstAnswerDelay,
} from '../../../shared/domain/dashboard';
import { failed, loading, ready, uuid } from '../../test/fixtures';
import { renderView } from '../../test/render';
import { ApplicationsPerOfferChart } from './ApplicationsPerOfferChart';
import { ApplicationsPerWeekChart } from './ApplicationsPerWeekChart';
import { FirstAnswerDelayChart } from './FirstAnswerDelayChart';

const weeks: ApplicationsPerWeek = [
  { weekStart: '2026-11-23', a_traiter: 1, recevable: 2, refusee: 0, abandonnee: 1, total: 4 },
  { weekStart: '2026-11-30', a_traiter: 3, recevable: 0, refusee: 1, abandonnee: 0, total: 4 },
];
const delays: FirstAnswerDelay = [
  { weekStart: '2026-11-23', medianDays: 2.5, answered: 3 },
  { weekStart: '2026-11-30', medianDays: null, answered: 0 },
];
const offers: ApplicationsPerOffer = [
  {
    offerId: uuid(),
    number: 12,
    title: 'Cuisinier',
    employerName: 'Hôtel du Palais',
    total: 8,
    a_traiter: 3,
  },
  { offerId: uuid(), number: null, title: 'Serveur', employerName: 'Le Bistrot', total: 2, a_traiter: 2 },
];

/** The rows of the table alternative, header first, as text. */
async function dataTable(title: string): Promise<string[][]> {
  const region = screen.getByRole('region', { name: title });
  const toggle = within(region).getByRole('button', { name: 'Voir les données' });
  expect(toggle.getAttribute('aria-pressed')).toBe('false');
  await userEvent.click(toggle);
  expect(toggle.getAttribute('aria-pressed')).toBe('true');
  const table = within(region).getByRole('table', { name: title });
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children, (cell) => cell.textContent ?? ''));
}

describe('the dashboard charts', () => {
  it('« Candidatures reçues par semaine » gives its numbers in a table, by status', async () => {
    renderView(<ApplicationsPerWeekChart state={ready(weeks)} />);
    const title = 'Candidatures reçues par semaine';
    expect(screen.getByRole('img', { name: new RegExp(title) })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Exporter en CSV : ${title}` })).toBeTruthy();
    expect(await dataTable(title)).toEqual([
      ['Semaine du', 'A traiter', 'Recevables', 'Refusées', 'Abandonnées', 'Total'],
      ['23/11/2026', '1', '2', '0', '1', '4'],
      ['30/11/2026', '3', '0', '1', '0', '4'],
    ]);
    expect(screen.queryByRole('img', { name: new RegExp(title) })).toBeNull();
  });

  it('« Délai médian avant une première réponse » in days, French decimals, weeks without answer said', async () => {
    renderView(<FirstAnswerDelayChart state={ready(delays)} />);
    expect(await dataTable('Délai médian avant une première réponse')).toEqual([
      ['Semaine du', 'Délai médian (jours)', 'Candidatures répondues'],
      ['23/11/2026', '2,5', '3'],
      ['30/11/2026', 'Aucune réponse', '0'],
    ]);
  });

  it('« Candidatures par offre » names each offer and its employer', async () => {
    renderView(<ApplicationsPerOfferChart state={ready(offers)} />);
    expect(await dataTable('Candidatures par offre')).toEqual([
      ['Offre', 'Employeur', 'Candidatures', 'A traiter'],
      ['N° 12 — Cuisinier', 'Hôtel du Palais', '8', '3'],
      ['Offre provisoire — Serveur', 'Le Bistrot', '2', '2'],
    ]);
  });

  it('say when there is nothing to draw', () => {
    renderView(
      <>
        <ApplicationsPerWeekChart state={ready(weeks.map((week) => ({ ...week, total: 0 })))} />
        <FirstAnswerDelayChart state={ready(delays.map((week) => ({ ...week, medianDays: null })))} />
        <ApplicationsPerOfferChart state={ready([])} />
      </>,
    );
    expect(screen.getByText('Aucune candidature reçue ces dernières semaines.')).toBeTruthy();
    expect(screen.getByText('Aucune candidature répondue ces dernières semaines.')).toBeTruthy();
    expect(screen.getByText('Aucune offre « En cours » n’a reçu de candidature.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Voir les données' })).toBeNull();
  });

  it('show loading and errors under their French title', () => {
    renderView(
      <>
        <ApplicationsPerWeekChart state={loading()} />
        <ApplicationsPerOfferChart state={failed('Le cache local est illisible.')} />
      </>,
    );
    expect(screen.getByLabelText('Chargement : Candidatures reçues par semaine')).toBeTruthy();
    const perOffer = screen.getByRole('region', { name: 'Candidatures par offre' });
    expect(within(perOffer).getByRole('alert').textContent).toContain('Le cache local est illisible.');
  });
});
