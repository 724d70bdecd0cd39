import { describe, expect, it } from 'vitest';
import { nearestPage } from './nearby';

describe('nearestPage', () => {
  const centre = { latitude: 44.8378, longitude: -0.5792 };
  // Rows of the commune stored with other coordinates (an older centre): 1.1 km away.
  const rows = [
    { id: 'here', latitude: 44.8378, longitude: -0.5792 },
    { id: 'moved', latitude: 44.8478, longitude: -0.5792 },
  ];
  const page = { number: 1, size: 10 };
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

  it('keeps every row without a radius or with radius 0 (the commune only), nearest first', () => {
    for (const radiusKm of [undefined, 0]) {
      const found = nearestPage(rows, centre, radiusKm, page, byId);
      expect(found.total).toBe(2);
      expect(found.ids).toEqual(['here', 'moved']);
      expect(found.distances.get('moved')).toBe(1.1);
    }
  });

  it('cuts at the radius otherwise', () => {
    expect(nearestPage(rows, centre, 1, page, byId).ids).toEqual(['here']);
    expect(nearestPage(rows, centre, 2, page, byId).ids).toEqual(['here', 'moved']);
  });
});
