import { profilesQuerySchema, type ProfilesQueryInput } from '../../../shared/domain/profiles';
import { z } from '../../../shared/zod';

// "Rechercher des profils" keeps its search in the address. The form's fields, the channel's
// query and its field errors all say `commune`, `radiusKm`…; the address bar says them in
// French (`commune`, `rayon`…), like "Mes offres" and "Candidatures".

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
type QueryName = (typeof queryNames)[number];

// French names in the address bar: a deep link (or a bookmark) reads as what it shows. The same
// filter has the same name on every page ("Candidatures" says `recherche`, "Mes offres" `metier`…).
export const addressNames = {
  q: 'recherche',
  diploma: 'diplome',
  level: 'niveau',
  rome: 'metier',
  commune: 'commune',
  radiusKm: 'rayon',
  availableBy: 'disponible',
  contractType: 'contrat',
  oeth: 'oeth',
  mobilityMinKm: 'mobilite',
  page: 'page',
} as const satisfies Record<QueryName, string>;

/** The OETH filter on, as the address says it. */
const YES = 'oui';

/** The OETH filter as the channel takes it ("oui" is `true`; anything else as typed, for the core to judge). */
const oethQuery = (text: string) => (text === YES ? 'true' : text);

/** A parameter of the address, trimmed ('' when absent). */
const read = (params: URLSearchParams, name: QueryName) => params.get(addressNames[name])?.trim() ?? '';

/** The form as the address last said (a deep link, "Retour", another page of results). */
export function valuesFromAddress(params: URLSearchParams): ProfileSearchValues {
  const text = (name: QueryName) => read(params, name);
  const orNull = (name: QueryName) => text(name) || null;
  const number = (name: QueryName) => {
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
    oeth: oethQuery(text('oeth')) === 'true',
    mobilityMinKm: number('mobilityMinKm'),
  };
}

/** The address of a new search: the filters filled in, from the first page. */
export function addressFromValues(values: ProfileSearchValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of searchFields) {
    const value = values[name];
    if (value === null || value === false || value === undefined) continue;
    const text = value === true ? YES : String(value).trim();
    if (text !== '') params.set(addressNames[name], text);
  }
  return params;
}

/**
 * The channel's query: the address's filters as typed, under the query's names (the core checks
 * them with the same schema and names the field of anything wrong); other parameters are ignored.
 */
export function queryFromAddress(params: URLSearchParams): ProfilesQueryInput {
  const query: Record<string, string> = {};
  for (const name of queryNames) {
    const value = read(params, name);
    if (value) query[name] = name === 'oeth' ? oethQuery(value) : value;
  }
  return query as ProfilesQueryInput;
}

/** Whether the address holds a filter of "Recherche avancée" (it then opens with them). */
export function hasAdvancedFilters(params: URLSearchParams): boolean {
  return advancedFields.some((name) => read(params, name) !== '');
}

/** The same search on another page of results. */
export function withPage(params: URLSearchParams, page: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (page === 1) next.delete(addressNames.page);
  else next.set(addressNames.page, String(page));
  return next;
}

/** The form's check before searching: exactly the query the channel will get, the same schema. */
export const searchValuesSchema = z.preprocess(
  (values) => queryFromAddress(addressFromValues(values as ProfileSearchValues)),
  profilesQuerySchema,
);

/** What a field holds, as the address would carry it (to tell whether it changed since the search). */
export function addressValue(values: ProfileSearchValues, field: SearchField): string {
  const name = addressNames[field as QueryName] as string | undefined;
  return name ? (addressFromValues(values).get(name) ?? '') : '';
}
