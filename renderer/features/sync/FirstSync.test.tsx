import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/domain/sync';
import { queryKeys } from '../../api/query-keys';
import { renderView } from '../../test/render';
import { formatEta } from './firstSync';
import { FirstSyncBanner, FirstSyncGate } from './FirstSyncGate';
import { SyncIndicator } from './SyncIndicator';

function status(patch: Partial<SyncStatus> = {}): SyncStatus {
  return {
    revision: 1,
    running: true,
    phase: 'bootstrap',
    progress: { done: 12_345, total: 521_000, etaSeconds: 125 },
    firstSync: true,
    pending: 0,
    parked: 0,
    conflicts: 0,
    lastSyncAt: null,
    lastError: null,
    nextAttemptAt: null,
    ...patch,
  };
}

/** Renders with the core's last sync status already in the cache (no core behind the view). */
function renderWithStatus(ui: ReactElement, current: SyncStatus) {
  const client = new QueryClient();
  client.setQueryData(queryKeys.syncStatus, current);
  return renderView(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

// Intl's French grouping uses a narrow no-break space: compare with spaces.
const text = (element: HTMLElement) => (element.textContent ?? '').replace(/\s/g, ' ');

describe('FirstSyncBanner', () => {
  it('shows rows done out of the total, the time left and an accessible bar', () => {
    renderWithStatus(<FirstSyncBanner />, status());
    const bar = screen.getByRole('progressbar', { name: 'Première synchronisation' });
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(bar.getAttribute('aria-valuetext')?.replace(/\s/g, ' ')).toBe('12 345 lignes sur 521 000');
    const region = screen.getByRole('region', { name: 'Première synchronisation en cours' });
    expect(text(region)).toContain(
      'Première synchronisation : 12 345 lignes sur 521 000 — environ 2 min restantes',
    );
  });

  it('says the estimate is coming, and leaves the bar without a value while the total is unknown', () => {
    renderWithStatus(<FirstSyncBanner />, status({ progress: { done: 800, total: null, etaSeconds: null } }));
    const bar = screen.getByRole('progressbar', { name: 'Première synchronisation' });
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    expect(text(screen.getByRole('region'))).toContain('800 lignes reçues — estimation en cours');
  });

  it('tells an interrupted first synchronisation and why', () => {
    renderWithStatus(
      <FirstSyncBanner />,
      status({ running: false, phase: 'idle', lastError: 'Plateforme injoignable.', progress: null }),
    );
    expect(text(screen.getByRole('region'))).toContain('Première synchronisation interrompue.');
    expect(text(screen.getByRole('region'))).toContain('Plateforme injoignable.');
  });

  it('is absent once the first synchronisation is done', () => {
    renderWithStatus(<FirstSyncBanner />, status({ firstSync: false, phase: 'pull' }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('FirstSyncGate', () => {
  it('says « Première synchronisation en cours » instead of the screen', () => {
    renderWithStatus(
      <FirstSyncGate title="Mes offres">
        <p>Aucune offre en cours.</p>
      </FirstSyncGate>,
      status(),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Mes offres' })).toBeTruthy();
    expect(screen.getByText(/^Première synchronisation en cours/)).toBeTruthy();
    expect(screen.queryByText('Aucune offre en cours.')).toBeNull();
  });

  it('shows the screen once the structure’s data is here', () => {
    renderWithStatus(
      <FirstSyncGate title="Mes offres">
        <p>Aucune offre en cours.</p>
      </FirstSyncGate>,
      status({ firstSync: false, phase: 'idle', running: false, progress: null }),
    );
    expect(screen.getByText('Aucune offre en cours.')).toBeTruthy();
  });
});

describe('SyncIndicator during the first synchronisation', () => {
  it('says it in words and leaves the bar to the banner', () => {
    renderWithStatus(<SyncIndicator />, status());
    expect(text(screen.getByRole('status'))).toContain('Première synchronisation…');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('formatEta', () => {
  it('words the time left in French', () => {
    expect(formatEta(null)).toBe('estimation en cours');
    expect(formatEta(undefined)).toBe('estimation en cours');
    expect(formatEta(20)).toBe('moins d’une minute restante');
    expect(formatEta(70)).toBe('environ 1 min restante');
    expect(formatEta(125)).toBe('environ 2 min restantes');
    expect(formatEta(3600)).toBe('environ 1 h restantes');
    expect(formatEta(4500)).toBe('environ 1 h 15 min restantes');
  });
});
