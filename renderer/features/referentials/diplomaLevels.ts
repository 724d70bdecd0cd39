/**
 * The national certification levels (décret 2019-14) staff meet on offers, with the diplomas
 * people know them by.
 */
export const diplomaLevelLabels: Record<number, string> = {
  3: 'Niveau 3 (CAP, BEP)',
  4: 'Niveau 4 (Bac, BP)',
  5: 'Niveau 5 (Bac+2 : BTS…)',
  6: 'Niveau 6 (Bac+3 : licence, BUT)',
  7: 'Niveau 7 (Bac+5 : master, ingénieur)',
};

export const diplomaLevelOptions = Object.entries(diplomaLevelLabels).map(([value, label]) => ({
  value,
  label,
}));
