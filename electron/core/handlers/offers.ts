import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  offerFieldsSchema,
  publicOffersPageSchema,
  type Offer,
  type OfferFields,
} from '../../../shared/domain/offers';
import { ROME_VERSION } from '../../../shared/domain/referentials';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { checkOfferFields, type OfferLabels } from '../offers/checks';
import { countOffers, findOffer, listOffers, readOffer } from '../offers/local-offers';
import { mayManageOffer } from '../offers/visibility';
import { syncEntities } from '../sync/entities';
import type { HandlerContext } from './context';
import { requireMember } from './membership';
import { needsPlatform } from './needs-platform';

const NOT_YOURS =
  'Cette offre n’est pas partagée avec la structure : seuls son auteur et le référent peuvent la modifier ou la dupliquer.';

const fieldNames = Object.keys(offerFieldsSchema.shape) as Array<keyof OfferFields>;

/**
 * A new offer as this desktop shows it until the platform numbers it: "provisoire" (no
 * number), "En cours", with the labels known here (the codes themselves when the referentials
 * were never downloaded: the platform's answer brings the labels).
 */
function provisionalOffer(fields: OfferFields, labels: Required<OfferLabels>, createdBy: string): Offer {
  const now = new Date().toISOString();
  return {
    ...fields,
    ...labels,
    id: randomUUID(),
    number: null,
    status: 'en_cours',
    createdBy,
    createdAt: now,
    publishedAt: null,
    archiveAt: null,
    applicationsCount: 0,
    version: 0,
    updatedAt: now,
  };
}

export function offersHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  | 'offers.list'
  | 'offers.counts'
  | 'offers.get'
  | 'offers.create'
  | 'offers.update'
  | 'offers.duplicate'
  | 'offers.publicSearch'
> {
  const store = () => ctx.sessions.requireAccount().store;

  /** A member, once the referentials being downloaded (right after signing in) are here. */
  const member = async () => {
    const account = await requireMember(ctx);
    await account.referentials.whenCached();
    return account;
  };

  type Member = Awaited<ReturnType<typeof member>>;

  const create = async (
    { store, sync, user }: Member,
    fields: OfferFields,
    fallback: Required<OfferLabels>,
  ) => {
    const labels = await store.read((tx) => checkOfferFields(tx, fields));
    const offer = provisionalOffer(fields, { ...fallback, ...labels }, user.id);
    await sync.create(syncEntities.offer, offer, fields);
    return readOffer(store, offer.id);
  };

  return {
    async 'offers.list'(query) {
      return listOffers(store(), query);
    },
    async 'offers.counts'() {
      return countOffers(store());
    },
    async 'offers.get'({ id }) {
      return readOffer(store(), id);
    },
    async 'offers.create'(fields) {
      return create(await member(), fields, {
        // Always named by the check (an accepted employer), or the creation is refused.
        employerName: '',
        romeLabel: fields.romeCode,
        romeVersion: ROME_VERSION,
        communeName: fields.communeCode,
      });
    },
    async 'offers.duplicate'({ id }) {
      const account = await member();
      const original = await readOffer(account.store, id);
      if (!mayManageOffer(account.user, original)) throw new AppError('forbidden', NOT_YOURS);
      const fields = Object.fromEntries(fieldNames.map((name) => [name, original[name]])) as OfferFields;
      return create(account, fields, {
        employerName: original.employerName,
        romeLabel: original.romeLabel,
        romeVersion: original.romeVersion,
        communeName: original.communeName,
      });
    },
    async 'offers.update'({ id, patch }) {
      const { store, sync, user } = await member();
      const labels = await store.read((tx) => {
        const current = findOffer(tx, id);
        if (!current) throw new AppError('not_found', 'Cette offre est introuvable sur ce poste.');
        if (!mayManageOffer(user, current)) throw new AppError('forbidden', NOT_YOURS);
        // Only what changes is checked: an unchanged code stays valid even if the referential moved on.
        const changed = Object.fromEntries(
          Object.entries(patch).filter(
            ([key, value]) => !isDeepStrictEqual(current[key as keyof Offer], value),
          ),
        );
        return checkOfferFields(tx, changed);
      });
      await sync.update(syncEntities.offer, id, patch, labels);
      return readOffer(store, id);
    },
    async 'offers.publicSearch'(query) {
      ctx.sessions.requireAccount();
      const params = Object.fromEntries(
        Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
      );
      return ctx.client
        .call({ method: 'GET', path: '/offers/public', params, auth: true, schema: publicOffersPageSchema })
        .catch(needsPlatform('La consultation de toutes les offres'));
    },
  };
}
