import { describe, expect, it } from 'vitest';
import { DEMO_REFERENT } from '../../platform/seed/demo';
import { useDesktops } from '../../tests/support/desktops';

// Inputs the IPC fuzz suite (tests/fuzz/ipc.test.ts) found answered `internal`, kept as cases.

const { signedIn } = useDesktops();

describe('inputs the IPC fuzz found', () => {
  it('takes an optional field sent as undefined (Electron keeps such keys) as a field not sent', async () => {
    const referent = await signedIn(DEMO_REFERENT);
    const updated = await referent.call('account.update', {
      firstName: 'Claire',
      lastName: 'Lacoste',
      mobile: undefined,
    });
    expect(updated).toMatchObject({ firstName: 'Claire', mobile: '+33612345678' });
    const renamed = await referent.call('account.update', { firstName: 'Clara', mobile: undefined });
    expect(renamed).toMatchObject({ firstName: 'Clara', mobile: '+33612345678', syncState: 'pending' });
  });

  it('names a key sent as « __proto__ » in the refusal', async () => {
    const referent = await signedIn(DEMO_REFERENT);
    const error = await referent.refuse(
      'sync.status',
      JSON.parse('{"__proto__": {"polluted": true}}') as never,
    );
    expect(error).toMatchObject({
      code: 'validation',
      fields: { ['__proto__']: 'Champ non reconnu : « __proto__ ».' },
    });
  });

  it('refuses a form that is not an object (null), instead of throwing out of the dispatch', async () => {
    const referent = await signedIn(DEMO_REFERENT);
    for (const channel of ['auth.register', 'account.changePassword'] as const)
      expect(await referent.refuse(channel, null as never)).toMatchObject({
        code: 'validation',
        fields: { '(racine)': expect.any(String) },
      });
  });
});
