import type { LocalAlert } from '../../shared/domain/alerts';
import type { LocalFavorite, Profile } from '../../shared/domain/profiles';
import type { Loadable } from '../features/dashboard/loadable';

/** A view's props in each state the data part can give. */
export function ready<T>(data: T): Loadable<T> {
  return { data, error: null, onRetry: () => undefined };
}
export function loading<T>(): Loadable<T> {
  return { data: undefined, error: null, onRetry: () => undefined };
}
export function failed<T>(error: string, onRetry: () => void = () => undefined): Loadable<T> {
  return { data: undefined, error, onRetry };
}

let n = 0;
/** A uuid unique within a test run (the views only use ids as keys and in links). */
export function uuid(): string {
  n += 1;
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function profile(patch: Partial<Profile> = {}): Profile {
  return {
    id: uuid(),
    firstName: 'Inès',
    lastName: 'Laborde',
    age: 24,
    romeCode: 'G1602',
    romeLabel: 'Personnel de cuisine',
    level: 3,
    diplomas: [],
    communeCode: '64445',
    communeName: 'Pau',
    mobilityKm: 20,
    availableFrom: '2026-09-01',
    contractTypes: ['apprentissage'],
    presentation: '',
    oeth: false,
    createdAt: '2026-10-01T10:00:00.000Z',
    ...patch,
  };
}

export function alert(patch: Partial<LocalAlert> = {}): LocalAlert {
  const at = '2026-11-30T10:00:00.000Z';
  return {
    id: uuid(),
    offerId: uuid(),
    offerNumber: 12,
    offerTitle: 'Cuisinier',
    profile: profile(),
    score: 90,
    reasons: [{ criterion: 'metier', met: true, points: 35, text: 'Même métier' }],
    dismissed: false,
    dismissedBy: null,
    createdAt: at,
    version: 1,
    updatedAt: at,
    syncState: 'synced',
    ...patch,
  };
}

export function favorite(patch: Partial<LocalFavorite> = {}): LocalFavorite {
  const p = patch.profile ?? profile();
  return {
    id: p.id,
    profile: p,
    addedBy: 'Marie Curie',
    addedAt: '2026-11-30T10:00:00.000Z',
    version: 1,
    updatedAt: '2026-11-30T10:00:00.000Z',
    syncState: 'synced',
    ...patch,
  };
}
