import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SIRET_INVALID } from '../../../shared/domain/company';
import { AppError } from '../../../shared/ipc/errors';
import { compactDigits, isValidSiret } from '../../../shared/validation/siret';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { fieldProps } from '../../ui/forms';

const CLOSED_ESTABLISHMENT = 'Cet établissement est fermé selon l’annuaire des entreprises.';

/**
 * A Siret field backed by the company directory: each value typed is checked here first, and
 * only a well-formed number is looked up (when `enabled`: the directory needs the platform).
 */
export function useSiretLookup(enabled = true) {
  const [siret, setSiret] = useState<string | null>(null);
  const lookup = useQuery({
    queryKey: queryKeys.company(siret ?? ''),
    queryFn: () => call('companies.lookup', { siret: siret! }),
    enabled: enabled && siret !== null,
    staleTime: 5 * 60_000,
  });
  const company = siret ? lookup.data : undefined;
  const error = siret && lookup.error instanceof AppError ? lookup.error : null;

  /** Takes the value typed; answers the error to show under the field now (null when none). */
  const onTyped = (value: string): string | null => {
    const digits = compactDigits(value);
    // Not before 14 characters, unless a letter shows it is wrong already.
    if (digits.length < 14 && !/\D/.test(digits)) {
      setSiret(null);
      return null;
    }
    if (!isValidSiret(digits)) {
      setSiret(null);
      return SIRET_INVALID;
    }
    setSiret(digits);
    return null;
  };

  return {
    onTyped,
    /** The directory's answer for the number typed. */
    company,
    fetching: lookup.isFetching,
    /** The directory's refusal of the number itself (unknown Siret), or a closed establishment. */
    fieldError: error?.fields?.siret ?? (company && !company.active ? CLOSED_ESTABLISHMENT : null),
    /** Any other failure of the look-up (offline, platform error), to show above the form. */
    failure: error && !error.fields?.siret ? error : null,
    retry: () => void lookup.refetch(),
  };
}

export type SiretLookup = ReturnType<typeof useSiretLookup>;

/** The props of a form's `SiretInput`: its value and errors kept in the form, each value typed checked. */
export function siretFieldProps<T>(form: UseFormReturnType<T>, directory: SiretLookup) {
  const input = fieldProps(form, 'siret');
  return {
    ...input,
    error: form.errors.siret ?? directory.fieldError,
    fetching: directory.fetching,
    onValueChange: (value: string) => {
      input.onChange(value);
      const error = directory.onTyped(value);
      if (error) form.setFieldError('siret', error);
      else form.clearFieldError('siret');
    },
  };
}
