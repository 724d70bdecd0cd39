import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { alert, favorite, profile } from '../../test/fixtures';
import { renderView } from '../../test/render';
import { FavoritesTable } from '../favorites/FavoritesTable';
import { AlertsList } from './AlertsList';

// jsdom lays nothing out: the scroll box is 600 px high and each row 150 px, so that the
// virtualizer has something to fill.
const layout = { clientHeight: 600, offsetHeight: 150 };
const own = Object.keys(layout).map(
  (key) => [key, Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)] as const,
);
beforeAll(() => {
  for (const [key, value] of Object.entries(layout))
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
});
afterAll(() => {
  for (const [key, descriptor] of own)
    if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
    else Reflect.deleteProperty(HTMLElement.prototype, key);
});

function alertItems() {
  return within(screen.getByRole('region', { name: 'Liste des alertes' }))
    .getAllByRole('listitem')
    .filter((item) => item.getAttribute('aria-posinset'));
}

describe('AlertsList', () => {
  it('renders only the alerts in view, each telling its place in the whole list', () => {
    const alerts = Array.from({ length: 300 }, (_, i) => alert({ score: 100 - (i % 100) }));
    renderView(<AlertsList alerts={alerts} onDismiss={() => undefined} />);
    const items = alertItems();
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(30);
    expect(items[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(items[0]!.getAttribute('aria-setsize')).toBe('300');
  });

  it('shows who, for which offer, the score and reasons; « Ignorer cette alerte » names them', async () => {
    const onDismiss = vi.fn();
    const peio = alert({ score: 87, profile: profile({ firstName: 'Peio', lastName: 'Etcheverry' }) });
    renderView(<AlertsList alerts={[peio]} onDismiss={onDismiss} />);
    const [item] = alertItems();
    expect(item!.textContent).toContain('Pour l’offre N° 12 — Cuisinier');
    expect(item!.textContent).toContain('Score 87/100');
    expect(item!.textContent).toContain('Même métier');
    await userEvent.click(
      within(item!).getByRole('button', {
        name: 'Ignorer cette alerte : Peio Etcheverry, N° 12 — Cuisinier',
      }),
    );
    expect(onDismiss).toHaveBeenCalledWith(peio);
  });
});

describe('FavoritesTable', () => {
  it('is a table with French headers, a row per favourite and « Retirer des favoris »', async () => {
    const onRemove = vi.fn();
    const ines = favorite({ profile: profile({ firstName: 'Inès', lastName: 'Laborde' }) });
    renderView(<FavoritesTable rows={[ines]} onRemove={onRemove} removingId={null} />);
    const table = screen.getByRole('table', { name: 'Profils favoris de la structure' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Candidat', 'Projet', 'Commune', 'Ajouté', 'Actions']);
    expect(within(table).getByRole('rowheader').textContent).toContain('Inès Laborde');
    expect(table.textContent).toContain('Par Marie Curie, le 30/11/2026');
    await userEvent.click(within(table).getByRole('button', { name: 'Retirer des favoris : Inès Laborde' }));
    expect(onRemove).toHaveBeenCalledWith(ines);
  });
});
