import { TextInput } from '@mantine/core';
import type { Company } from '../../../shared/domain/company';
import { formatAddress } from './formatAddress';

/** What the company directory says of a Siret: shown read-only, never typed. */
export function CompanyFields({
  company,
  withNafCode = false,
}: {
  company?: Company;
  withNafCode?: boolean;
}) {
  return (
    <>
      <TextInput label="Raison sociale" variant="filled" readOnly value={company?.legalName ?? ''} />
      {withNafCode && <TextInput label="Code NAF" variant="filled" readOnly value={company?.nafCode ?? ''} />}
      <TextInput label="Domaine d'activité" variant="filled" readOnly value={company?.nafLabel ?? ''} />
      <TextInput
        label="Adresse"
        variant="filled"
        readOnly
        value={company ? formatAddress(company.address) : ''}
      />
    </>
  );
}
