import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Diploma, RomeEntry } from '../../shared/domain/referentials';

// The CSV files are copies of official nomenclatures; see data/SOURCES.md.
const dataFile = (name: string) => new URL(`./data/${name}`, import.meta.url);

/**
 * Rows keyed by the header line, values trimmed, empty lines skipped. papaparse is the
 * project's one CSV parser (the renderer's imports and exports use it too). It reports a row
 * with too few or too many fields instead of throwing: a damaged file must not load halfway.
 */
export function parseCsv(text: string, name = 'CSV'): Array<Record<string, string>> {
  const result = Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter: ',',
    skipEmptyLines: true,
    transformHeader: (header) => header.trim(),
    transform: (value) => value.trim(),
  });
  const [error] = result.errors;
  if (error) throw new Error(`${name}, ligne ${(error.row ?? 0) + 2} : ${error.message}`);
  return result.data;
}

function readCsv(name: string): Array<Record<string, string>> {
  return parseCsv(readFileSync(dataFile(name), 'utf8'), name);
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
  naf ??= readCsv('naf_rev2_sous_classes.csv').map((row) => ({
    code: row.code!,
    label: row.libelle!,
    sectionCode: row.section_code!,
    sectionLabel: row.section_libelle!,
  }));
  return naf;
}

/** The 4,305 communes of Nouvelle-Aquitaine. */
export function communesOfNouvelleAquitaine(): Commune[] {
  communes ??= readCsv('communes_nouvelle_aquitaine.csv').map((row) => ({
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
  rome ??= readCsv('rome_v4_fiches_v460.csv').map((row) => ({
    code: row.code_rome!,
    label: row.libelle!,
    domainCode: row.domaine_code!,
  }));
  return rome;
}

/** The diplomas and titles offers prepare for, with their level (written for the project: data/SOURCES.md). */
export function diplomas(): Diploma[] {
  diplomaList ??= readCsv('diplomes.csv').map((row) => ({
    id: row.id!,
    label: row.libelle!,
    kind: row.type as Diploma['kind'],
    level: Number(row.niveau),
  }));
  return diplomaList;
}
