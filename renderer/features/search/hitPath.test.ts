import { describe, expect, it } from 'vitest';
import { searchKinds } from '../../../shared/domain/global-search';
import { hitPath } from './hitPath';

const ID = '0b7d5c1e-3c1a-4f4e-9a57-2f1c6f0e8a11';

describe('a result of the global search', () => {
  it('opens the page of its row', () => {
    expect(searchKinds.map((kind) => hitPath({ kind, id: ID }))).toEqual([
      `/mes-offres/${ID}/modifier`,
      `/suivi-des-employeurs/${ID}`,
      `/mon-espace/candidatures/${ID}`,
      `/rechercher-des-profils/${ID}`,
    ]);
  });
});
