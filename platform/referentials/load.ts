import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

// The CSV files are copies of official nomenclatures; see data/SOURCES.md.
const dataFile = (name: string) => new URL(`./data/${name}`, import.meta.url);

function readCsv<T>(name: string): T[] {
  return parse(readFileSync(dataFile(name), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as T[];
}

export interface NafSubclass {
  code: string;
  label: string;
  sectionCode: string;
  sectionLabel: string;
}

export interface Commune {
  code: string;
  name: string;
  postalCode: string;
  departementCode: string;
  departementName: string;
  latitude: number;
  longitude: number;
  population: number;
}

let naf: NafSubclass[] | undefined;
let communes: Commune[] | undefined;

/** NAF rév. 2 sub-classes, e.g. { code: '01.29Z', label: 'Autres cultures permanentes' }. */
export function nafSubclasses(): NafSubclass[] {
  naf ??= readCsv<Record<string, string>>('naf_rev2_sous_classes.csv').map((row) => ({
    code: row.code!,
    label: row.libelle!,
    sectionCode: row.section_code!,
    sectionLabel: row.section_libelle!,
  }));
  return naf;
}

/** The 4,305 communes of Nouvelle-Aquitaine. */
export function communesOfNouvelleAquitaine(): Commune[] {
  communes ??= readCsv<Record<string, string>>('communes_nouvelle_aquitaine.csv').map((row) => ({
    code: row.code_insee!,
    name: row.nom!,
    postalCode: row.code_postal!,
    departementCode: row.departement_code!,
    departementName: row.departement_nom!,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    population: Number(row.population_2021),
  }));
  return communes;
}
