import { headcountBandLabels, type HeadcountBand } from '../../../shared/domain/company';
import { formatFrenchPhone } from '../../../shared/validation/phone';

/** A field's value as the user reads it in sync screens. */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (field === 'headcountBand' && typeof value === 'string')
    return headcountBandLabels[value as HeadcountBand] ?? value;
  if ((field === 'phone' || field === 'mobile') && typeof value === 'string') return formatFrenchPhone(value);
  return String(value);
}

/** Where the user edits each synced entity. */
export const entityPages: Record<string, string> = {
  structure: '/mon-compte/ma-structure',
  account: '/mon-compte/mes-informations-personnelles',
};
