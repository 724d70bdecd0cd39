import type { Profile } from '../../../shared/domain/profiles';

/** "Inès Laborde". */
export function profileName(profile: Pick<Profile, 'firstName' | 'lastName'>): string {
  return `${profile.firstName} ${profile.lastName}`;
}

/** The offer of an alert or a contact: "N° 12 — Cuisinier", "Offre provisoire — Cuisinier". */
export function offerTitleLine(row: { offerNumber: number | null; offerTitle: string }): string {
  return `${row.offerNumber === null ? 'Offre provisoire' : `N° ${row.offerNumber}`} — ${row.offerTitle}`;
}

const kilometres = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** "12,3 km" (the platform rounds to 0.1 km). */
export function formatKm(km: number): string {
  return `${kilometres.format(km)} km`;
}
