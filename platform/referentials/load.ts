import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Diploma, RomeEntry } from '../../shared/domain/referentials';

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
let rome: RomeEntry[] | undefined;
let diplomaList: Diploma[] | undefined;

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

/** The 1,584 métiers of ROME 4.0 (release v460), e.g. { code: 'D1102', label: 'Boulanger / Boulangère' }. */
export function romeEntries(): RomeEntry[] {
  rome ??= readCsv<Record<string, string>>('rome_v4_fiches_v460.csv').map((row) => ({
    code: row.code_rome!,
    label: row.libelle!,
    domainCode: row.domaine_code!,
  }));
  return rome;
}

/** The diplomas and titles offers prepare for, with their level (written for the project: data/SOURCES.md). */
export function diplomas(): Diploma[] {
  diplomaList ??= readCsv<Record<string, string>>('diplomes.csv').map((row) => ({
    id: row.id!,
    label: row.libelle!,
    kind: row.type as Diploma['kind'],
    level: Number(row.niveau),
  }));
  return diplomaList;
}
