import type { Diploma, RomeEntry } from '../../shared/domain/referentials';
import { communesOfNouvelleAquitaine, diplomas, romeEntries, type Commune } from './load';

let rome: ReadonlyMap<string, RomeEntry> | undefined;
let diplomaMap: ReadonlyMap<string, Diploma> | undefined;
let communes: ReadonlyMap<string, Commune> | undefined;

/** ROME 4.0 métiers by code. */
export function romeByCode(): ReadonlyMap<string, RomeEntry> {
  rome ??= new Map(romeEntries().map((entry) => [entry.code, entry]));
  return rome;
}

/** Diplomas by id. */
export function diplomaById(): ReadonlyMap<string, Diploma> {
  diplomaMap ??= new Map(diplomas().map((diploma) => [diploma.id, diploma]));
  return diplomaMap;
}

/** Communes of Nouvelle-Aquitaine by INSEE code. */
export function communeByCode(): ReadonlyMap<string, Commune> {
  communes ??= new Map(communesOfNouvelleAquitaine().map((commune) => [commune.code, commune]));
  return communes;
}
