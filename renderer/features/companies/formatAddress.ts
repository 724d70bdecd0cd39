import type { Company } from '../../../shared/domain/company';

/** "87 COURS DE LA MARNE, 33000 Bordeaux". */
export function formatAddress(address: Company['address']): string {
  return `${address.street}, ${address.postalCode} ${address.communeName}`;
}
