import type { ComboboxItem } from '@mantine/core';
import type { Commune, RomeEntry } from '../../../shared/domain/referentials';
import { call } from '../../api/client';

/** "Boulanger / Boulangère (D1102)": staff know métiers by name, France Travail by code. */
export function romeOption(entry: Pick<RomeEntry, 'code' | 'label'>): ComboboxItem {
  return { value: entry.code, label: `${entry.label} (${entry.code})` };
}

/** "Bordeaux (33000)": several communes share a name. */
function communeOption(commune: Pick<Commune, 'code' | 'name' | 'postalCode'>): ComboboxItem {
  return { value: commune.code, label: `${commune.name} (${commune.postalCode})` };
}

export async function searchRome(q: string): Promise<ComboboxItem[]> {
  return (await call('referentials.rome', { q })).map(romeOption);
}

export async function searchCommunes(q: string): Promise<ComboboxItem[]> {
  return (await call('referentials.communes', { q })).map(communeOption);
}

/** The option of a code met outside a search (a deep link's filter): looked up by the code itself. */
export async function romeOptionOf(code: string): Promise<ComboboxItem | null> {
  const entry = (await call('referentials.rome', { q: code })).find((rome) => rome.code === code);
  return entry ? romeOption(entry) : null;
}

export async function communeOptionOf(code: string): Promise<ComboboxItem | null> {
  const commune = (await call('referentials.communes', { q: code })).find((found) => found.code === code);
  return commune ? communeOption(commune) : null;
}
