import { contactFromColumns, contactToColumns } from '../../../../shared/db/profile-rows';
import { contactSchema } from '../../../../shared/domain/profiles';
import { boundToOffer } from './followers';
import { defineEntity } from './types';

export const contactEntity = defineEntity({
  name: 'contact',
  label: 'Contact d’un profil',
  table: 'contact',
  schema: contactSchema,
  toColumns: (data) => ({ ...contactToColumns(data) }),
  fromColumns: (row) => contactFromColumns(row as never),
  createRequest: (id, payload) => ({
    method: 'POST',
    path: `/profiles/${String(payload.profileId)}/contact`,
    body: { id, offerId: payload.offerId, message: payload.message },
  }),
  ...boundToOffer('contact'),
});
