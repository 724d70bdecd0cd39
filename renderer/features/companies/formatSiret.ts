/**
 * "921 934 444 00016": SIREN by threes, then the NIC, as INSEE prints it. Also keeps Excel from
 * turning the number into 9,21934E+13.
 */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4') : siret;
}
