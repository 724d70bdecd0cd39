import { applicationStatusLabels, type ApplicationStatus } from '../../../shared/domain/applications';
import { headcountBandLabels, type HeadcountBand } from '../../../shared/domain/company';
import {
  contractTypeLabels,
  offerStatusLabels,
  type ContractType,
  type OfferStatus,
} from '../../../shared/domain/offers';
import { formatFrenchPhone } from '../../../shared/validation/phone';
import { formatDay } from '../../ui/dates';
import { applicationPath } from '../applications/paths';
import { employerPath } from '../employers/paths';
import { editOfferPath } from '../offers/paths';

/** A field's value as the user reads it in sync screens. */
export function formatFieldValue(field: string, value: unknown): string {
  if (field === 'replyTemplates') {
    // null: the structure uses the default templates.
    if (!Array.isArray(value)) return '(modèles par défaut)';
    return value.map((template: { name?: unknown }) => String(template?.name ?? '')).join(', ');
  }
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value !== 'string') return String(value);
  if (field === 'headcountBand') return headcountBandLabels[value as HeadcountBand] ?? value;
  if (field === 'phone' || field === 'mobile' || field === 'contactPhone') return formatFrenchPhone(value);
  if (field === 'contractType') return contractTypeLabels[value as ContractType] ?? value;
  // Offers and applications both have a status; their values differ.
  if (field === 'status')
    return (
      offerStatusLabels[value as OfferStatus] ?? applicationStatusLabels[value as ApplicationStatus] ?? value
    );
  if (field === 'startDate' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  return value;
}

/** Where the user edits each synced entity (some rows have a page of their own). */
const entityPages: Record<string, (entityId: string) => string> = {
  structure: () => '/mon-compte/ma-structure',
  account: () => '/mon-compte/mes-informations-personnelles',
  employer: employerPath,
  offer: editOfferPath,
  application: applicationPath,
};

export function entityPage(entity: string, entityId: string): string | null {
  return entityPages[entity]?.(entityId) ?? null;
}
