import { createHash } from 'node:crypto';
import type { ReferentialName } from '../../shared/domain/referentials';
import { communesOfNouvelleAquitaine, diplomas, nafSubclasses, romeEntries } from './load';

export interface PublishedReferential {
  /** A hash of the content: it changes exactly when the list does. */
  version: string;
  etag: string;
  /** `{version, items}` as JSON, serialised once. */
  body: string;
}

// Only the fields of the shared schemas: the CSV files carry more than the desktop needs.
const itemsOf: Record<ReferentialName, () => unknown[]> = {
  rome: () => romeEntries().map(({ code, label, domainCode }) => ({ code, label, domainCode })),
  diplomas: () => diplomas().map(({ id, label, kind, level }) => ({ id, label, kind, level })),
  communes: () =>
    communesOfNouvelleAquitaine().map(({ code, name, postalCode, departementCode, latitude, longitude }) => ({
      code,
      name,
      postalCode,
      departementCode,
      latitude,
      longitude,
    })),
  naf: () => nafSubclasses().map(({ code, label }) => ({ code, label })),
};

const published = new Map<ReferentialName, PublishedReferential>();

/**
 * A referential as `GET /referentials/{name}` answers it. The lists only change with a new
 * build, so each is serialised and hashed once; desktops revalidate with If-None-Match and
 * download the list again only when its version changed.
 */
export function publishedReferential(name: ReferentialName): PublishedReferential {
  let referential = published.get(name);
  if (!referential) {
    const items = JSON.stringify(itemsOf[name]());
    const version = createHash('sha256').update(items).digest('base64url').slice(0, 22);
    referential = { version, etag: `"${version}"`, body: `{"version":"${version}","items":${items}}` };
    published.set(name, referential);
  }
  return referential;
}
