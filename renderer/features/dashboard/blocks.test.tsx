import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { alert, failed, favorite, loading, profile, ready } from '../../test/fixtures';
import { renderView } from '../../test/render';
import { formatCount } from '../../ui/plural';
import { FavoritesSummary } from './FavoritesSummary';
import { StatusCounts } from './StatusCounts';
import { TopAlerts } from './TopAlerts';

describe('StatusCounts', () => {
  it('links each status to its tab of « Candidatures », with French labels', () => {
    renderView(
      <StatusCounts
        state={ready({ total: 1250, a_traiter: 1204, recevable: 30, refusee: 10, abandonnee: 6, overdue: 3 })}
      />,
    );
    const region = screen.getByRole('region', { name: 'Candidatures' });
    const tiles = within(region)
      .getAllByRole('listitem')
      .map((item) => {
        const link = within(item).getByRole('link');
        return [link.textContent, link.getAttribute('href')];
      });
    expect(tiles).toEqual([
      [`A traiter${formatCount(1204)}`, '/mon-espace/candidatures'],
      ['Recevables30', '/mon-espace/candidatures?onglet=recevable'],
      ['Refusées10', '/mon-espace/candidatures?onglet=refusee'],
      ['Abandonnées6', '/mon-espace/candidatures?onglet=abandonnee'],
    ]);
    expect(region.textContent).toContain(`${formatCount(1250)} candidatures au total`);
  });

  it('loading and error states', () => {
    const { unmount } = renderView(<StatusCounts state={loading()} />);
    expect(screen.getByLabelText('Chargement : Candidatures')).toBeTruthy();
    unmount();
    renderView(<StatusCounts state={failed('Hors ligne.')} />);
    expect(screen.getByRole('alert').textContent).toContain('Hors ligne.');
  });
});

describe('TopAlerts', () => {
  it('shows each alert on one line and « Ignorer » dismisses it', async () => {
    const onDismiss = vi.fn();
    const best = alert({ score: 100, profile: profile({ firstName: 'Peio', lastName: 'Etcheverry' }) });
    renderView(<TopAlerts state={ready([best, alert({ score: 80 })])} onDismiss={onDismiss} />);
    const region = screen.getByRole('region', { name: 'Alertes' });
    expect(within(region).getAllByRole('listitem')).toHaveLength(2);
    expect(within(region).getByRole('link', { name: 'Voir toutes les alertes' }).getAttribute('href')).toBe(
      '/mon-espace/alertes',
    );
    expect(region.textContent).toContain('100/100');
    expect(region.textContent).toContain('N° 12 — Cuisinier');
    await userEvent.click(
      within(region).getByRole('button', {
        name: 'Ignorer cette alerte : Peio Etcheverry, N° 12 — Cuisinier',
      }),
    );
    expect(onDismiss).toHaveBeenCalledWith(best);
  });

  it('says when there is none', () => {
    renderView(<TopAlerts state={ready([])} onDismiss={() => undefined} />);
    expect(screen.getByRole('region', { name: 'Alertes' }).textContent).toContain(
      'Aucune alerte pour l’instant',
    );
  });
});

describe('FavoritesSummary', () => {
  it('counts the favourites and leads to them', () => {
    renderView(<FavoritesSummary state={ready([favorite(), favorite()])} />);
    const region = screen.getByRole('region', { name: 'Favoris' });
    expect(region.textContent).toContain('2profils favoris de la structure');
    expect(within(region).getByRole('link', { name: 'Voir mes favoris' }).getAttribute('href')).toBe(
      '/mon-espace/favoris',
    );
  });

  it('says how to add one when there is none, and fails in French', () => {
    const { unmount } = renderView(<FavoritesSummary state={ready([])} />);
    expect(screen.getByRole('region', { name: 'Favoris' }).textContent).toContain('Aucun favori');
    unmount();
    renderView(<FavoritesSummary state={failed('Hors ligne.')} />);
    expect(screen.getByRole('alert').textContent).toContain('Hors ligne.');
  });
});
