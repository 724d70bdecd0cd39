import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardTodo } from '../../../shared/domain/dashboard';
import { failed, loading, ready, uuid } from '../../test/fixtures';
import { renderView } from '../../test/render';
import { TodoList } from './TodoList';

const at = '2026-11-20T09:00:00.000Z';
const applicationId = uuid();
const offerId = uuid();

const full: DashboardTodo = {
  items: [
    { kind: 'sync_refused', dueAt: at, issueId: 'o1', entityLabel: 'Offre n° 7' },
    {
      kind: 'application_waiting',
      dueAt: at,
      applicationId,
      number: 42,
      applicantName: 'Inès Laborde',
      offerTitle: 'Cuisinier',
      days: 9,
    },
    { kind: 'member_request', dueAt: at, userId: uuid(), name: 'Paul Durand' },
    { kind: 'sync_conflict', dueAt: at, issueId: 'o2', entityLabel: 'Ma structure' },
    {
      kind: 'offer_archiving',
      dueAt: '2026-12-12T09:00:00.000Z',
      offerId,
      number: 12,
      title: 'Serveur',
      employerName: 'Hôtel du Palais',
      archiveAt: '2026-12-12T09:00:00.000Z',
      daysLeft: 5,
    },
  ],
  total: 9,
};

function region() {
  return screen.getByRole('region', { name: 'À faire' });
}

describe('TodoList', () => {
  it('says it is loading', () => {
    renderView(<TodoList state={loading()} />);
    expect(within(region()).getByLabelText('Chargement : À faire')).toBeTruthy();
  });

  it('says why it failed and asks again', async () => {
    const onRetry = vi.fn();
    renderView(<TodoList state={failed('Le cache local est illisible.', onRetry)} />);
    expect(within(region()).getByRole('alert').textContent).toContain('Le cache local est illisible.');
    await userEvent.click(within(region()).getByRole('button', { name: 'Réessayer' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('says there is nothing to do', () => {
    renderView(<TodoList state={ready({ items: [], total: 0 })} />);
    expect(region().textContent).toContain('Rien à faire pour l’instant');
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('lists each line as a link to where it is done, then « et N autres »', () => {
    renderView(<TodoList state={ready(full)} />);
    const links = within(region()).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Modification refusée : Offre n° 7', '/synchronisation/refus'],
      [
        'Candidature n° 42 de Inès Laborde à « Cuisinier » : sans réponse depuis 9 jours',
        `/mon-espace/candidatures/${applicationId}`,
      ],
      ['Paul Durand demande à rejoindre la structure', '/mon-compte/utilisateurs-de-ma-structure'],
      ['Conflit de synchronisation : Ma structure', '/synchronisation/conflits'],
      [
        'Offre n° 12 « Serveur » (Hôtel du Palais) : archivée le 12/12/2026 (dans 5 jours)',
        `/mes-offres/${offerId}/modifier`,
      ],
    ]);
    expect(region().textContent).toContain('et 4 autres');
  });

  it('says nothing more when every line is shown', () => {
    renderView(<TodoList state={ready({ ...full, total: full.items.length })} />);
    expect(region().textContent).not.toContain('autres');
  });
});
