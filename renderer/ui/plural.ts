const number = new Intl.NumberFormat('fr-FR');

/** "1 204" (French grouping). */
export function formatCount(n: number): string {
  return number.format(n);
}

/** "1 modification", "1 204 employeurs" (French grouping). */
export function plural(n: number, one: string, many: string): string {
  return `${number.format(n)} ${n > 1 ? many : one}`;
}
