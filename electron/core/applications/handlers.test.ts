import { describe, expect, it } from 'vitest';
import {
  REPLY_DECISION_REQUIRED,
  type Application,
  type ApplicationReplyInput,
} from '../../../shared/domain/applications';
import { OFFER_ID, sampleApplication } from '../../../tests/support/applications';
import { sampleOffer, SOMEONE_ELSE, useScriptedEngine } from '../../../tests/support/scripted-engine';
import { ABANDONED, NOT_YOURS, REFUSED } from './replies';
import { applicationsHandlers } from '../handlers/applications';
import { memberHandlers } from '../../../tests/support/member-handlers';
import { syncEntities } from '../sync/entities';

// "Candidatures" handlers on a real local database, through the dispatcher (so inputs are
// checked by the contract as in the app); the platform is never reached: replies and readings
// are local changes waiting in the outbox.

const scripted = useScriptedEngine();
const DAY = 86_400_000;
const A = 'a2000000-0000-4000-8000-000000000001';
const B = 'a2000000-0000-4000-8000-000000000002';
const C = 'a2000000-0000-4000-8000-000000000003';
const UNKNOWN = 'a2000000-0000-4000-8000-0000000000ff';

/** The handlers of a signed-in member, "now" given by `clock`. */
async function desktop(role: 'referent' | 'gestionnaire', rows: Application[], clock = () => new Date()) {
  const handlers = await memberHandlers(scripted(), role, (ctx) => applicationsHandlers(ctx, clock));
  await scripted().engine.applyServerRows(syncEntities.application, rows);
  return handlers;
}

const waiting = async () => (await scripted().outbox()).length;

describe('"Candidatures" on the desktop', () => {
  it('lists and counts by status, offer, dates and search, and flags those waiting too long', async () => {
    let now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
    const rows = [
      sampleApplication(A, { number: 101, receivedAt: ago(8) }),
      sampleApplication(B, {
        number: 102,
        receivedAt: ago(2),
        offerId: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99',
        offerTitle: 'Électricienne du bâtiment',
      }),
      sampleApplication(C, { number: 103, status: 'recevable', receivedAt: ago(30) }),
    ];
    const { call, refuse } = await desktop('gestionnaire', rows, () => now);

    expect(await call('applications.counts', undefined)).toEqual({
      total: 3,
      a_traiter: 2,
      recevable: 1,
      refusee: 0,
      abandonnee: 0,
      overdue: 1,
    });
    expect(await call('applications.counts', { offerId: OFFER_ID })).toMatchObject({ total: 2, overdue: 1 });
    const toProcess = await call('applications.list', { status: 'a_traiter' });
    expect(toProcess.total).toBe(2);
    expect(toProcess.rows.map((a) => [a.number, a.overdue, a.syncState])).toEqual([
      [102, false, 'synced'],
      [101, true, 'synced'],
    ]);
    expect((await call('applications.list', { overdue: true })).rows.map((a) => a.id)).toEqual([A]);
    expect((await call('applications.list', { q: 'electricienne' })).rows.map((a) => a.id)).toEqual([B]);
    expect(
      (await call('applications.list', { q: 'darrigrand', sort: 'number', direction: 'asc' })).total,
    ).toBe(3);
    expect((await call('applications.list', { q: 'n°103' })).rows.map((a) => a.id)).toEqual([C]);
    const day = (iso: string) => {
      const d = new Date(iso);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const lastWeek = await call('applications.list', { receivedFrom: day(ago(8)), receivedTo: day(ago(2)) });
    expect(lastWeek.rows.map((a) => a.id).sort()).toEqual([A, B]);
    expect(
      await refuse('applications.list', { receivedFrom: day(ago(2)), receivedTo: day(ago(8)) }),
    ).toMatchObject({
      code: 'validation',
      fields: { receivedTo: 'La date « du » doit précéder la date « au ».' },
    });

    // Six days later, B waits too long as well.
    now = new Date(now.getTime() + 6 * DAY);
    expect((await call('applications.counts', undefined)).overdue).toBe(2);
  });

  it('refuses a reply without a decision or a message, naming the fields, and writes nothing', async () => {
    const { refuse } = await desktop('gestionnaire', [sampleApplication(A)]);
    const reply = (input: Partial<ApplicationReplyInput>) =>
      refuse('applications.reply', { id: A, reply: input });

    expect(await reply({ replyMessage: 'Venez nous voir.' })).toMatchObject({
      code: 'validation',
      message: `Saisie invalide (« Statut ») : ${REPLY_DECISION_REQUIRED}`,
      fields: { 'reply.status': REPLY_DECISION_REQUIRED },
    });
    expect(await reply({ status: 'recevable', replyMessage: '   ' })).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('« Message »'),
      fields: { 'reply.replyMessage': expect.stringContaining('Message') },
    });
    expect(await reply({})).toMatchObject({ message: 'Saisie invalide : « Statut », « Message ».' });
    expect(await reply({ status: 'a_traiter' as never, replyMessage: 'x' })).toMatchObject({
      fields: { 'reply.status': REPLY_DECISION_REQUIRED },
    });
    expect(await waiting()).toBe(0);
  });

  it('refuses to answer an application abandoned or refused already', async () => {
    const { refuse } = await desktop('gestionnaire', [
      sampleApplication(A, { status: 'abandonnee', profile: null, abandonReason: 'Compte fermé.' }),
      sampleApplication(B, { status: 'refusee', replyMessage: 'Non.' }),
    ]);
    const reply = { status: 'recevable', replyMessage: 'Venez nous voir.' } as const;
    expect(await refuse('applications.reply', { id: A, reply })).toEqual({
      code: 'conflict',
      message: ABANDONED,
    });
    expect(await refuse('applications.reply', { id: B, reply })).toEqual({
      code: 'conflict',
      message: REFUSED,
    });
    expect(await refuse('applications.reply', { id: UNKNOWN, reply })).toMatchObject({ code: 'not_found' });
    expect(await waiting()).toBe(0);
  });

  it('shows a reply at once, with its line in the history, until the platform has it', async () => {
    const { call } = await desktop('gestionnaire', [sampleApplication(A)]);
    const details = await call('applications.reply', {
      id: A,
      reply: { status: 'recevable', replyMessage: 'Bonjour {prénom}, venez le 3 mars. {structure}' },
    });
    expect(details).toMatchObject({
      status: 'recevable',
      replyMessage: 'Bonjour Émilie, venez le 3 mars. CFA Bordeaux Métiers',
      repliedBy: 'Claire Lacoste',
      repliedAt: expect.any(String),
      syncState: 'pending',
      platformStatus: 'a_traiter',
      refusal: null,
    });
    expect(details.history.map((e) => [e.kind, e.by, e.detail])).toEqual([
      ['recue', null, null],
      ['repondue', 'Claire Lacoste', 'Recevable'],
    ]);
    expect((await call('applications.counts', undefined)).recevable).toBe(1);
    expect((await call('applications.list', { status: 'recevable' })).rows[0]!.history).toHaveLength(2);
  });

  it('records the first reading once, by the signed-in member', async () => {
    const { call } = await desktop('gestionnaire', [
      sampleApplication(A),
      sampleApplication(B, { readAt: '2026-03-01T08:00:00.000Z', readBy: 'Julien Etchart' }),
    ]);
    const read = await call('applications.markRead', { id: A });
    expect(read).toMatchObject({
      readAt: expect.any(String),
      readBy: 'Claire Lacoste',
      syncState: 'pending',
    });
    expect(read.history.at(-1)).toMatchObject({ kind: 'lue', by: 'Claire Lacoste', at: read.readAt });
    await call('applications.markRead', { id: A });
    expect(await waiting()).toBe(1);

    // Read by a colleague already: nothing to record.
    expect(await call('applications.markRead', { id: B })).toMatchObject({ readBy: 'Julien Etchart' });
    expect(await waiting()).toBe(1);
  });

  it('answers several applications of one status at once, each with its own first name', async () => {
    const { call, refuse } = await desktop('gestionnaire', [
      sampleApplication(A),
      sampleApplication(B, { number: 2, profile: { ...sampleApplication(B).profile!, firstName: 'Lucas' } }),
      sampleApplication(C, { number: 3, status: 'recevable' }),
    ]);
    const bulk = {
      status: 'refusee',
      replyMessage: 'Bonjour {prénom}, l’offre « {intitulé} » est pourvue.',
      refusalReason: 'offre_pourvue',
    } as const;

    const mixed = await refuse('applications.replyMany', { ids: [A, C], ...bulk });
    expect(mixed).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('« A traiter », « Recevables »'),
      fields: { ids: expect.stringContaining('même statut') },
    });
    expect(await refuse('applications.replyMany', { ids: [A, UNKNOWN], ...bulk })).toMatchObject({
      code: 'validation',
      fields: { ids: expect.stringContaining('introuvable') },
    });
    expect(await refuse('applications.replyMany', { ids: [], ...bulk })).toMatchObject({
      fields: { ids: 'Sélectionnez au moins une candidature.' },
    });
    expect(await waiting()).toBe(0);

    expect(await call('applications.replyMany', { ids: [A, B, A], ...bulk })).toEqual({ replied: 2 });
    const messages = (await scripted().outbox()).map((row) => JSON.parse(row.payload) as object);
    expect(messages).toEqual([
      {
        status: 'refusee',
        replyMessage: 'Bonjour Émilie, l’offre « Commis de cuisine » est pourvue.',
        refusalReason: 'offre_pourvue',
      },
      {
        status: 'refusee',
        replyMessage: 'Bonjour Lucas, l’offre « Commis de cuisine » est pourvue.',
        refusalReason: 'offre_pourvue',
      },
    ]);
    expect(await refuse('applications.replyMany', { ids: [A, B], ...bulk })).toMatchObject({
      code: 'conflict',
      message: 'Les candidatures « Refusées » ne peuvent plus recevoir de réponse.',
    });
  });

  it('asks a refusal for its reason, and « Autre » for its text, before anything is written', async () => {
    const { refuse } = await desktop('gestionnaire', [sampleApplication(A)]);
    const refusal = { status: 'refusee', replyMessage: 'Bonjour, le poste est pourvu.' } as const;
    expect(await refuse('applications.reply', { id: A, reply: refusal })).toMatchObject({
      code: 'validation',
      fields: { 'reply.refusalReason': 'Choisissez le motif du refus.' },
    });
    expect(
      await refuse('applications.reply', { id: A, reply: { ...refusal, refusalReason: 'autre' } }),
    ).toMatchObject({ code: 'validation', fields: { 'reply.refusalDetail': 'Précisez le motif du refus.' } });
    expect(
      await refuse('applications.replyMany', {
        ids: [A],
        ...refusal,
        refusalReason: 'autre',
        refusalDetail: '',
      }),
    ).toMatchObject({ code: 'validation', fields: { refusalDetail: 'Précisez le motif du refus.' } });
    expect(await scripted().outbox()).toEqual([]);
  });

  it('refuses a reply to an application a gestionnaire no longer sees', async () => {
    const { refuse } = await desktop('gestionnaire', [sampleApplication(A)]);
    await scripted().engine.applyServerRows(syncEntities.offer, [
      sampleOffer(OFFER_ID, { sharedWithStructure: false, createdBy: SOMEONE_ELSE, number: 12, version: 1 }),
    ]);
    expect(
      await refuse('applications.reply', {
        id: A,
        reply: { status: 'refusee', replyMessage: 'Non merci.', refusalReason: 'profil_inadapte' },
      }),
    ).toEqual({ code: 'forbidden', message: NOT_YOURS });
  });
});
