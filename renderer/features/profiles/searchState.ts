import { profilesQuerySchema, type ProfilesQueryInput } from '../../../shared/domain/profiles';
import { z } from '../../../shared/zod';

// "Rechercher des profils" keeps its search in the address, under the query's own names: the
// channel's field errors, the form's fields and a deep link all say `commune`, `radiusKm`…

/** The search form, one field per filter of `profilesQuerySchema`. */
export interface ProfileSearchValues extends Record<string, unknown> {
  q: string;
  diploma: string | null;
  level: string | null;
  rome: string | null;
  commune: string | null;
  /** A NumberInput's value: a number, or text while typed (empty, "-"). */
  radiusKm: number | string;
  /** aaaa-mm-jj, or empty. */
  availableBy: string;
  contractType: string | null;
  oeth: boolean;
  mobilityMinKm: number | string;
}

export type SearchField = keyof ProfileSearchValues & string;

/** The filters of "Recherche avancée" (all but the keywords). */
export const advancedFields = [
  'diploma',
  'level',
  'rome',
  'commune',
  'radiusKm',
  'availableBy',
  'contractType',
  'oeth',
  'mobilityMinKm',
] as const satisfies readonly SearchField[];

const searchFields = ['q', ...advancedFields] as const;
const queryNames = [...searchFields, 'page'] as const;

/** The form as the address last said (a deep link, "Retour", another page of results). */
export function valuesFromAddress(params: URLSearchParams): ProfileSearchValues {
  const text = (name: string) => params.get(name)?.trim() ?? '';
  const orNull = (name: string) => text(name) || null;
  const number = (name: string) => {
    const value = text(name);
    return value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  };
  return {
    q: text('q'),
    diploma: orNull('diploma'),
    level: orNull('level'),
    rome: orNull('rome'),
    commune: orNull('commune'),
    radiusKm: number('radiusKm'),
    availableBy: text('availableBy'),
    contractType: orNull('contractType'),
    oeth: text('oeth') === 'true',
    mobilityMinKm: number('mobilityMinKm'),
  };
}

/** The address of a new search: the filters filled in, from the first page. */
export function addressFromValues(values: ProfileSearchValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of searchFields) {
    const value = values[name];
    if (value === null || value === false || value === undefined) continue;
    const text = String(value).trim();
    if (text !== '') params.set(name, text);
  }
  return params;
}

/**
 * The channel's query: the address's filters as typed (the core checks them with the same
 * schema and names the field of anything wrong); other parameters are ignored.
 */
export function queryFromAddress(params: URLSearchParams): ProfilesQueryInput {
  const query: Record<string, string> = {};
  for (const name of queryNames) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  return query as ProfilesQueryInput;
}

/** Whether the address holds a filter of "Recherche avancée" (it then opens with them). */
export function hasAdvancedFilters(params: URLSearchParams): boolean {
  return advancedFields.some((name) => Boolean(params.get(name)?.trim()));
}

/** The same search on another page of results. */
export function withPage(params: URLSearchParams, page: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (page === 1) next.delete('page');
  else next.set('page', String(page));
  return next;
}

/** The form's check before searching: exactly the query the channel will get, the same schema. */
export const searchValuesSchema = z.preprocess(
  (values) => queryFromAddress(addressFromValues(values as ProfileSearchValues)),
  profilesQuerySchema,
);

/** What a field holds, as the address would carry it (to tell whether it changed since the search). */
export function addressValue(values: ProfileSearchValues, field: SearchField): string {
  return addressFromValues(values).get(field) ?? '';
}
