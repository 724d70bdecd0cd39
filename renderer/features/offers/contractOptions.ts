import { contractTypeLabels, contractTypes } from '../../../shared/domain/offers';

/** "Type de contrat": the offers' own, and the contracts candidates seek. */
export const contractOptions = contractTypes.map((value) => ({ value, label: contractTypeLabels[value] }));
