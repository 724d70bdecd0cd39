import { describe, expect, it } from 'vitest';
import type { ProfileCreate } from '../../shared/domain/candidates';
import { matchProfile, type MatchOffer, type MatchProfile } from '../../shared/domain/match';
import { contractTypes, type ContractType } from '../../shared/domain/offers';
import { pick, seededRandom } from '../../shared/random';
import { COMMUNES, offerFields } from '../offers/test-fixtures';
import { profileCalls } from '../profiles/test-fixtures';
import { communesOfNouvelleAquitaine } from '../referentials/load';
import { boxAround } from '../referentials/nearby';
import { usePlatform } from '../test-support';
import { canBeAlert, recomputeStructureAlerts } from './compute';

const NOW = new Date('2026-03-02T09:00:00.000Z');
let now = NOW;
const platform = usePlatform({ limits: { registrations: 10_000 }, clock: () => now });
const { team, createOffer, newCandidate, createProfile, apply, alerts, dismiss, call } =
  profileCalls(platform);

type Random = () => number;

const TRADES = [
  { rome: 'D1104', diplomas: ['cap-patissier', 'mc-patisserie-specialisee'] },
  { rome: 'D1102', diplomas: ['cap-boulanger', 'bp-boulanger'] },
  { rome: 'G1602', diplomas: ['cap-cuisine', 'bacpro-cuisine'] },
  { rome: 'D1202', diplomas: ['cap-coiffure', 'bp-coiffure'] },
];
const AROUND_BORDEAUX = [
  COMMUNES.bordeaux,
  COMMUNES.talence,
  COMMUNES.merignac,
  COMMUNES.pessac,
  COMMUNES.libourne,
  COMMUNES.arcachon,
];

function randomProfile(random: Random): Partial<ProfileCreate> {
  const trade = pick(random, TRADES);
  const contracts = contractTypes.filter((type) => random() < (type === 'apprentissage' ? 0.8 : 0.3));
  return {
    romeCode: trade.rome,
    diplomas: [{ diplomaId: pick(random, trade.diplomas), state: random() < 0.5 ? 'prepare' : 'obtenu' }],
    communeCode: pick(random, AROUND_BORDEAUX),
    mobilityKm: pick(random, [0, 10, 30, 60]),
    availableFrom: pick(random, ['2026-06-01', '2026-09-01', '2026-11-15']),
    contractTypes: contracts.length > 0 ? contracts : ['apprentissage'],
  };
}

describe('canBeAlert', () => {
  it('never leaves out a profile matchProfile would make an alert', () => {
    const random = seededRandom(42);
    const communes = communesOfNouvelleAquitaine();
    let alertsSeen = 0;
    let leftOut = 0;
    for (let i = 0; i < 20_000; i++) {
      const near = pick(random, communes);
      const other = random() < 0.5 ? near : pick(random, communes);
      const offer: MatchOffer = {
        romeCode: 'D1104',
        diplomas: [{ id: 'cap-patissier', label: 'CAP Pâtissier', level: 3 }],
        latitude: near.latitude,
        longitude: near.longitude,
        startDate: '2026-09-01',
        contractType: pick(random, contractTypes),
      };
      const profile: MatchProfile = {
        romeCode: 'D1104',
        diplomas: [{ id: 'cap-patissier', label: 'CAP Pâtissier', level: 3, state: 'prepare' }],
        latitude: other.latitude,
        longitude: other.longitude,
        mobilityKm: Math.floor(random() * 201),
        availableFrom: '2026-08-01',
        contractTypes: [pick(random, contractTypes)] as ContractType[],
      };
      const possible = canBeAlert(offer, profile, boxAround(profile, profile.mobilityKm + 1));
      if (matchProfile(offer, profile).alert) {
        alertsSeen += 1;
        expect(possible).toBe(true);
      } else if (!possible) leftOut += 1;
    }
    // Both cases were met: the filter does leave profiles out.
    expect(alertsSeen).toBeGreaterThan(1000);
    expect(leftOut).toBeGreaterThan(1000);
  });
});

describe('alerts kept up to date', () => {
  it('are, after profiles, applications, dismissals and deletions, those a computation from scratch gives', async () => {
    const { owner, employer } = await team();
    const random = seededRandom(7);
    const offers = [];
    for (const [index, trade] of TRADES.slice(0, 3).entries()) {
      offers.push(
        await createOffer(
          owner.token,
          offerFields(employer.id, {
            romeCode: trade.rome,
            diplomaIds: [trade.diplomas[0]!],
            communeCode: AROUND_BORDEAUX[index]!,
            contractType: index === 2 ? 'professionnalisation' : 'apprentissage',
          }),
        ),
      );
    }
    const candidate = await newCandidate();
    const profiles = [];
    for (let i = 0; i < 90; i++) {
      // Some in the same millisecond: ties on score and date are decided by the id.
      now = new Date(NOW.getTime() + Math.floor(i / 3) * 1000);
      profiles.push(await createProfile(candidate.token, randomProfile(random)));
    }
    now = NOW;
    const listed = await alerts(owner.token);
    expect(listed.length).toBeGreaterThan(30);
    expect(Math.max(...offers.map((o) => listed.filter((a) => a.offerId === o.id).length))).toBe(20);

    for (const alert of listed.slice(0, 3)) expect((await dismiss(owner.token, alert)).statusCode).toBe(200);
    for (const alert of listed.slice(5, 7))
      await apply(candidate.token, { profileId: alert.profile.id, offerId: alert.offerId });
    for (const alert of listed.slice(10, 12)) {
      expect(
        (await call('DELETE', `/candidate/profiles/${alert.profile.id}`, candidate.token)).statusCode,
      ).toBe(204);
    }
    const before = await alerts(owner.token);

    const tally = await platform()
      .db.transaction()
      .execute((trx) => recomputeStructureAlerts(trx, owner.structureId, now));
    expect(tally).toEqual({ created: 0, updated: 0, deleted: 0 });
    expect(await alerts(owner.token)).toEqual(before);
    for (const offer of offers) {
      const mine = before.filter((a) => a.offerId === offer.id);
      expect(mine.length).toBeLessThanOrEqual(20);
      // Best first, then the newest profile.
      const order = [...mine].sort(
        (a, b) => b.score - a.score || b.profile.createdAt.localeCompare(a.profile.createdAt),
      );
      expect(mine.map((a) => a.score)).toEqual(order.map((a) => a.score));
    }
  });
});
