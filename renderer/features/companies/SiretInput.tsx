import { Loader, TextInput, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The "Siret" field of the forms that look an establishment up in the directory: checked as
 * it is typed, with a spinner while the directory answers.
 */
export function SiretInput({
  error,
  fetching,
  onValueChange,
  ...props
}: Omit<TextInputProps, 'onChange'> & {
  error: ReactNode;
  fetching: boolean;
  onValueChange: (value: string) => void;
}) {
  return (
    <TextInput
      label="Siret"
      description="14 chiffres, par exemple 921 934 444 00016"
      inputMode="numeric"
      autoComplete="off"
      required
      {...props}
      error={error}
      aria-invalid={error ? true : undefined}
      onChange={(event) => onValueChange(event.currentTarget.value)}
      rightSection={fetching ? <Loader size="xs" aria-label="Recherche de l’établissement" /> : null}
    />
  );
}
