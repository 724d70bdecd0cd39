import { describe, expect, it } from 'vitest';
import { candidateNotificationSchema } from '../../shared/domain/candidates';
import type { CoreEvent } from '../../shared/ipc/events';
import { candidateCalls } from '../../platform/applications/test-fixtures';
import { DEMO_REFERENT } from '../../platform/seed/demo';
import { useDesktops } from '../../tests/support/desktops';

// "Candidatures" from a desktop against the reference platform: candidates apply through the
// platform's candidate API, the desktop is told after its sync, staff answer offline, and a
// reply to an application abandoned meanwhile is kept and shown beside the platform's state.

const { signedIn, platform } = useDesktops();

describe('applications on the desktop', () => {
  it('announces new applications, sends offline replies on reconnection, and keeps one the candidate made moot', async () => {
    const candidates = candidateCalls(platform);
    const referent = await signedIn(DEMO_REFERENT, { switchable: true });
    const arrivals: number[] = [];
    referent.core.events.subscribe((event: CoreEvent) => {
      if (event.type === 'applications.arrived') arrivals.push(event.payload.count);
    });
    await referent.call('sync.now');
    // The demo's applications came with the first pull: history, not news.
    const before = await referent.call('applications.counts');
    expect(before.total).toBeGreaterThan(0);
    expect(arrivals).toEqual([]);

    const [offer] = (await referent.call('offers.list', { status: 'en_cours', limit: 1 })).rows;
    const first = await candidates.newCandidate({ firstName: 'Maëlys', lastName: 'Ithurralde' });
    const firstProfile = await candidates.createProfile(first.token);
    const kept = await candidates.apply(first.token, { profileId: firstProfile.id, offerId: offer!.id });
    const second = await candidates.newCandidate();
    const secondProfile = await candidates.createProfile(second.token);
    const moot = await candidates.apply(second.token, { profileId: secondProfile.id, offerId: offer!.id });

    await referent.call('sync.now');
    expect(arrivals).toEqual([2]);
    const toProcess = await referent.call('applications.list', {
      status: 'a_traiter',
      q: 'maelys ithurralde',
    });
    expect(toProcess.rows.map((a) => a.id)).toEqual([kept.id]);
    expect(await referent.call('applications.counts')).toMatchObject({
      total: before.total + 2,
      a_traiter: before.a_traiter + 2,
    });

    // Offline: one interview, one answer to a candidate who deletes the profile meanwhile.
    referent.setOnline(false);
    const interview = {
      status: 'recevable',
      replyMessage: 'Bonjour {prénom}, appelez-nous au 05 56 00 00 00.',
    } as const;
    expect(await referent.call('applications.reply', { id: kept.id, reply: interview })).toMatchObject({
      status: 'recevable',
      replyMessage: 'Bonjour Maëlys, appelez-nous au 05 56 00 00 00.',
      syncState: 'pending',
    });
    await referent.call('applications.reply', { id: moot.id, reply: interview });
    const deleted = await candidates.call('DELETE', `/candidate/profiles/${secondProfile.id}`, second.token);
    expect(deleted.statusCode).toBe(204);

    referent.setOnline(true);
    await referent.call('sync.now');
    await expect(referent.call('applications.get', { id: kept.id })).resolves.toMatchObject({
      status: 'recevable',
      syncState: 'synced',
      platformStatus: null,
      repliedBy: `${referent.session.user.firstName} ${referent.session.user.lastName}`,
    });
    const notices = await candidates.call('GET', '/candidate/notifications', first.token);
    expect(candidateNotificationSchema.array().parse(notices.json())).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ applicationId: kept.id, message: expect.stringContaining('Maëlys') }),
      ]),
    );

    // The reply to the abandoned application is not lost: refused, shown with the platform's state.
    const conflict = await referent.call('applications.get', { id: moot.id });
    expect(conflict).toMatchObject({
      status: 'recevable',
      syncState: 'parked',
      platformStatus: 'abandonnee',
      profile: null,
      refusal: expect.stringMatching(/abandonn/i),
    });
    const [issue] = await referent.call('sync.issues');
    expect(issue).toMatchObject({ entity: 'application', entityId: moot.id, state: 'parked' });
    await referent.call('sync.discard', { id: issue!.id });
    await expect(referent.call('applications.get', { id: moot.id })).resolves.toMatchObject({
      status: 'abandonnee',
      syncState: 'synced',
      abandonReason: expect.any(String),
    });
    expect(arrivals).toEqual([2]);
  });
});
