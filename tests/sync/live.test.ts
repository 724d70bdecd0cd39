import { describe, expect, it, vi } from 'vitest';
import { DEMO_GESTIONNAIRE, DEMO_REFERENT } from '../../platform/seed/demo';
import { useDesktops } from '../support/desktops';
import { directorySirets, employerForm } from '../support/partners';

// The live stream, desktop to desktop through the reference platform: nobody asks for a sync, the
// periodic one is five minutes away, and what a colleague does still arrives within seconds.

const { signedIn, platform } = useDesktops();

/** Well under the periodic sync: only a poke can bring the change in time. */
const LIVE_WITHIN_MS = 10_000;

describe('live sync', () => {
  it('brings a colleague’s new employer to my desktop without any sync call', async () => {
    const mine = await signedIn(DEMO_REFERENT);
    const colleague = await signedIn(DEMO_GESTIONNAIRE);
    await mine.call('sync.now');
    await colleague.call('sync.now');
    const [siret] = await directorySirets(platform(), { active: true, count: 1 });

    const asked = await colleague.call('employers.create', employerForm(siret!));
    await vi.waitFor(
      async () => {
        const employer = (await mine.call('employers.list')).find((e) => e.id === asked.id);
        expect(employer).toMatchObject({ status: 'acceptee', syncState: 'synced' });
      },
      { timeout: LIVE_WITHIN_MS, interval: 100 },
    );
  });

  it('brings an edit of mine made on another desktop, the platform telling each of my desktops', async () => {
    const laptop = await signedIn(DEMO_REFERENT);
    const office = await signedIn(DEMO_REFERENT);
    await laptop.call('sync.now');
    await office.call('sync.now');
    await office.call('account.update', { firstName: 'Régine-Marie' });
    await vi.waitFor(
      async () =>
        expect((await laptop.call('session.get')) as unknown).toMatchObject({
          user: { firstName: 'Régine-Marie' },
        }),
      { timeout: LIVE_WITHIN_MS, interval: 100 },
    );
  });
});
