import { SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { fieldProps } from '../../ui/forms';

export interface ContactValues {
  contactLastName: string;
  contactFirstName: string;
  contactMail: string;
  contactPhone: string;
}

const PRIVATE_CONTACT =
  'Ces coordonnées restent privées à votre structure : elles ne sont jamais montrées aux candidats.';

/** The employer's contact person, as in "Ajouter un employeur" and on the employer's page. */
export function ContactFields<T extends ContactValues>({ form }: { form: UseFormReturnType<T> }) {
  return (
    <>
      <Text size="sm">{PRIVATE_CONTACT}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label="Nom du contact"
          autoComplete="off"
          required
          {...fieldProps(form, 'contactLastName')}
        />
        <TextInput
          label="Prénom du contact"
          autoComplete="off"
          required
          {...fieldProps(form, 'contactFirstName')}
        />
        <TextInput
          label="Mail du contact"
          type="email"
          autoComplete="off"
          required
          {...fieldProps(form, 'contactMail')}
        />
        <TextInput
          label="Téléphone du contact"
          type="tel"
          autoComplete="off"
          required
          {...fieldProps(form, 'contactPhone')}
        />
      </SimpleGrid>
    </>
  );
}
