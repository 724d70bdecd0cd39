import { describe, expect, it } from 'vitest';
import { DEMO_GESTIONNAIRE } from '../../platform/seed/demo';
import { useDesktops } from '../../tests/support/desktops';

// The referentials a desktop downloads from the reference platform, searched offline.

const { signedIn } = useDesktops();

describe('referentials on the desktop', () => {
  it('finds métiers and communes by code or words, whatever the accents and the case', async () => {
    const d = await signedIn(DEMO_GESTIONNAIRE, { switchable: true });
    await d.call('sync.now');

    for (const q of ['electricien du batiment', 'Électricien du bâtiment', 'ÉLECTRICIEN bât']) {
      const found = await d.call('referentials.rome', { q });
      expect(found[0]).toEqual({
        code: 'F1602',
        label: 'Electricien / Electricienne du bâtiment',
        domainCode: 'F16',
      });
    }
    // Labels that start with the words come first (then a word starting with them, then the rest).
    const electric = await d.call('referentials.rome', { q: 'Électricien' });
    expect(electric.map((m) => m.code).sort()).toEqual(['F1602', 'F1629', 'I1309']);
    const boulanger = await d.call('referentials.rome', { q: 'BOULANGERE' });
    expect(boulanger.map((m) => m.label)).toEqual([
      'Boulanger / Boulangère',
      'Chef boulanger / Cheffe boulangère',
    ]);
    // Every word, in any order.
    const [sport] = await d.call('referentials.rome', { q: 'sport vendeuse' });
    expect(sport?.label).toBe("Vendeur / Vendeuse d'articles de sport et loisirs");
    const byCode = await d.call('referentials.rome', { q: 'f16' });
    expect(byCode.length).toBeGreaterThan(1);
    for (const metier of byCode) expect(metier.code).toMatch(/^F16/);
    expect(await d.call('referentials.rome', { q: '' })).toHaveLength(30);

    for (const q of ['begles', 'Bègles', 'BEGLES', '33039', '33130']) {
      const [first] = await d.call('referentials.communes', { q });
      expect(first).toMatchObject({
        code: '33039',
        name: 'Bègles',
        postalCode: '33130',
        departementCode: '33',
      });
    }
    const saint = await d.call('referentials.communes', { q: 'saint pee' });
    expect(saint.map((c) => c.name)).toContain('Saint-Pée-sur-Nivelle');
    expect(await d.call('referentials.communes', { q: 'saint' })).toHaveLength(30);

    const diplomas = await d.call('referentials.diplomas');
    expect(diplomas.length).toBeGreaterThan(100);
    const levels = diplomas.map((diploma) => diploma.level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(diplomas.find((diploma) => diploma.id === 'cap-electricien')).toMatchObject({
      kind: 'CAP',
      level: 3,
    });

    // Offline, what was downloaded is still searched.
    d.setOnline(false);
    await d.call('connectivity.check');
    await expect(d.call('referentials.rome', { q: 'électricien' })).resolves.toContainEqual(
      expect.objectContaining({ code: 'F1602' }),
    );
  });
});
