import { offerFieldsSchema, type ContractType, type OfferFields } from '../../../shared/domain/offers';
import type { LocalOffer } from '../../../shared/domain/session';
import { changedValues } from '../sync/changedValues';

/** The form as Mantine holds it: empty selects are null, an empty number field is ''. */
export interface OfferFormValues extends Record<string, unknown> {
  employerId: string | null;
  title: string;
  romeCode: string | null;
  diplomaIds: string[];
  contractType: ContractType | null;
  startDate: string;
  durationMonths: number | string;
  positions: number | string;
  rhythm: string;
  communeCode: string | null;
  description: string;
  handicapCommitment: boolean;
  sharedWithStructure: boolean;
  franceTravail: boolean;
}

export function emptyOffer(employerId: string | null): OfferFormValues {
  return {
    employerId,
    title: '',
    romeCode: null,
    diplomaIds: [],
    contractType: null,
    startDate: '',
    durationMonths: '',
    positions: 1,
    rhythm: '',
    communeCode: null,
    description: '',
    handicapCommitment: false,
    sharedWithStructure: false,
    franceTravail: false,
  };
}

export function offerValues(offer: LocalOffer): OfferFormValues {
  return {
    employerId: offer.employerId,
    title: offer.title,
    romeCode: offer.romeCode,
    diplomaIds: offer.diplomaIds,
    contractType: offer.contractType,
    startDate: offer.startDate,
    durationMonths: offer.durationMonths,
    positions: offer.positions,
    rhythm: offer.rhythm ?? '',
    communeCode: offer.communeCode,
    description: offer.description,
    handicapCommitment: offer.handicapCommitment,
    sharedWithStructure: offer.sharedWithStructure,
    franceTravail: offer.franceTravail,
  };
}

/** The values as the core takes them (called once the form has validated them). */
export function offerFields(values: OfferFormValues): OfferFields {
  return offerFieldsSchema.parse(values);
}

/** "Modifier": only the fields changed, so that other people's changes to the rest merge in. */
export function offerPatch(offer: LocalOffer, values: OfferFormValues): Partial<OfferFields> {
  const fields = offerFields(values);
  const changed = Object.keys(changedValues(offerValues(offer), values)) as Array<keyof OfferFields>;
  return Object.fromEntries(changed.map((key) => [key, fields[key]]));
}
