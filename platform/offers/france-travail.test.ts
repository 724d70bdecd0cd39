import { describe, expect, it } from 'vitest';
import {
  expectProblem,
  freeSirets,
  newGestionnaire,
  newPendingMember,
  newReferent,
  usePlatform,
} from '../test-support';
import {
  FRANCE_TRAVAIL_FORMAT,
  FRANCE_TRAVAIL_FORMAT_VERSION,
  franceTravailExportSchema,
} from './france-travail-export';
import { CONTACT, offerCalls, offerFields } from './test-fixtures';

const now = new Date('2026-06-01T07:00:00.000Z');
const platform = usePlatform({ limits: { registrations: 10_000 }, clock: () => now });
const { call, addEmployer, createOffer, patchOffer } = offerCalls(platform);
const nextSiret = freeSirets();

async function exported(token: string) {
  const response = await call('GET', '/offers/france-travail-export', token);
  expect(response.statusCode).toBe(200);
  return { body: response.body, data: franceTravailExportSchema.strict().parse(response.json()) };
}

async function queue(offerId: string) {
  const rows = await platform()
    .db.selectFrom('france_travail_queue')
    .select(['action', 'offer_version', 'sent_at'])
    .where('offer_id', '=', offerId)
    .orderBy('id')
    .execute();
  return rows.map((row) => `${row.action}:${row.offer_version}${row.sent_at ? ':sent' : ''}`);
}

describe('GET /offers/france-travail-export', () => {
  it('gives the structure’s offers "En cours" with the box ticked, in the documented format, without contacts', async () => {
    const owner = await newReferent(platform, nextSiret);
    const employer = await addEmployer(owner.token, nextSiret());
    const sent = await createOffer(
      owner.token,
      offerFields(employer.id, {
        franceTravail: true,
        handicapCommitment: true,
        title: 'Boulanger',
        romeCode: 'D1102',
      }),
    );
    await createOffer(owner.token, offerFields(employer.id, { franceTravail: false }));
    const filled = await createOffer(owner.token, offerFields(employer.id, { franceTravail: true }));
    await patchOffer(owner.token, filled, { status: 'pourvue' });
    const elsewhere = await newReferent(platform, nextSiret);
    await createOffer(
      elsewhere.token,
      offerFields((await addEmployer(elsewhere.token, nextSiret())).id, { franceTravail: true }),
    );

    const { data, body } = await exported(owner.token);
    expect(data).toEqual({
      format: FRANCE_TRAVAIL_FORMAT,
      formatVersion: FRANCE_TRAVAIL_FORMAT_VERSION,
      generatedAt: now.toISOString(),
      offers: [
        {
          number: sent.number,
          title: 'Boulanger',
          romeCode: 'D1102',
          romeVersion: '4.0',
          contractType: 'apprentissage',
          startDate: sent.startDate,
          durationMonths: sent.durationMonths,
          positions: sent.positions,
          communeCode: sent.communeCode,
          description: sent.description,
          handicapCommitment: true,
          employer: { siret: employer.siret, name: sent.employerName },
        },
      ],
    });
    expect(body).not.toContain(CONTACT.contactLastName);
    expect(body).not.toMatch(/@|\+33/);
  });

  it('leaves out another member’s unshared offers for a gestionnaire', async () => {
    const owner = await newReferent(platform, nextSiret);
    const gestionnaire = await newGestionnaire(platform, owner);
    const employer = await addEmployer(owner.token, nextSiret());
    const hidden = await createOffer(
      owner.token,
      offerFields(employer.id, { franceTravail: true, sharedWithStructure: false }),
    );
    expect((await exported(owner.token)).data.offers.map((o) => o.number)).toEqual([hidden.number]);
    expect((await exported(gestionnaire.token)).data.offers).toEqual([]);
    const pending = await newPendingMember(platform, owner.siret);
    expectProblem(await call('GET', '/offers/france-travail-export', pending.token), 403);
  });
});

describe('the log of offers to transmit to France Travail', () => {
  it('takes an offer when it is created or changed with the box ticked, and its withdrawal when it stops', async () => {
    const owner = await newReferent(platform, nextSiret);
    const employer = await addEmployer(owner.token, nextSiret());
    const offer = await createOffer(owner.token, offerFields(employer.id, { franceTravail: true }));
    const quiet = await createOffer(owner.token, offerFields(employer.id));
    expect(await queue(offer.id)).toEqual(['diffuser:1']);
    expect(await queue(quiet.id)).toEqual([]);

    const changed = (await patchOffer(owner.token, offer, { positions: 2 })).json();
    const filled = (await patchOffer(owner.token, changed, { status: 'pourvue' })).json();
    await patchOffer(owner.token, filled, { title: 'Autre intitulé' });
    expect(await queue(offer.id)).toEqual(['diffuser:1', 'diffuser:2', 'retirer:3']);

    const ticked = (await patchOffer(owner.token, quiet, { franceTravail: true })).json();
    await patchOffer(owner.token, ticked, { franceTravail: false });
    expect(await queue(quiet.id)).toEqual(['diffuser:2', 'retirer:3']);

    const copy = (await call('POST', `/offers/${offer.id}/duplicate`, owner.token)).json();
    expect(await queue(copy.id)).toEqual(['diffuser:1']);
  });
});
