import { describe, expect, it } from 'vitest';
import type { LocalApplication } from '../../../shared/domain/session';
import { applicationCsvColumns } from './exportApplications';

const base: LocalApplication = {
  id: '0b7d5c1e-3c1a-4f4e-9a57-2f1c6f0e8a11',
  number: 1042,
  offerId: '5f0e2a3b-8c4d-4e6f-a1b2-c3d4e5f6a7b8',
  offerNumber: 87,
  offerTitle: 'Commis de cuisine',
  employerId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  employerName: 'Le Bistrot du Port',
  profile: {
    id: '9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
    firstName: 'Léa',
    lastName: 'Martin',
    age: 19,
    romeCode: 'G1602',
    romeLabel: 'Personnel de cuisine',
    diplomas: [],
    communeCode: '33063',
    communeName: 'Bordeaux',
    mobilityKm: 20,
    availableFrom: '2026-09-01',
    contractTypes: ['apprentissage'],
    presentation: 'Motivée',
    oeth: false,
  },
  message: 'Bonjour',
  status: 'recevable',
  abandonReason: null,
  replyMessage: 'Venez le 3 mars',
  refusalReason: null,
  refusalDetail: null,
  repliedAt: '2026-03-02T10:00:00.000Z',
  repliedBy: 'Claire Dubois',
  readAt: '2026-03-01T09:00:00.000Z',
  readBy: 'Claire Dubois',
  receivedAt: '2026-02-27T08:00:00.000Z',
  history: [],
  version: 3,
  updatedAt: '2026-03-02T10:00:00.000Z',
  syncState: 'pending',
  overdue: false,
};

function row(application: LocalApplication): Record<string, string | number | null> {
  return Object.fromEntries(
    applicationCsvColumns.map((column) => [column.header, column.value(application)]),
  );
}

describe('applicationCsvColumns', () => {
  it('exports what the list shows, in French', () => {
    expect(row(base)).toMatchObject({
      'N° de candidature': 1042,
      Candidat: 'Léa Martin',
      Offre: 'Commis de cuisine',
      "N° d'offre": 87,
      Employeur: 'Le Bistrot du Port',
      Statut: 'Recevable',
      'Reçue le': new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short' }).format(new Date(base.receivedAt)),
      'Répondu le': new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short' }).format(
        new Date(base.repliedAt!),
      ),
      'En attente depuis plus de 7 jours': 'Non',
      Synchronisation: 'En attente de synchronisation',
    });
  });

  it('names an abandoned application without its removed personal data, with the reason', () => {
    const abandoned = row({
      ...base,
      profile: null,
      message: null,
      status: 'abandonnee',
      abandonReason: 'Le candidat a supprimé son profil.',
      replyMessage: null,
      repliedAt: null,
      repliedBy: null,
    });
    expect(abandoned).toMatchObject({
      Candidat: 'Candidat (données supprimées)',
      Statut: 'Abandonnée',
      'Répondu le': null,
      "Motif d'abandon": 'Le candidat a supprimé son profil.',
    });
  });

  it('carries no contact detail of the candidate', () => {
    const headers = applicationCsvColumns.map((column) => column.header.toLowerCase());
    expect(headers.some((header) => /mail|téléphone|portable|adresse|naissance/.test(header))).toBe(false);
  });
});
