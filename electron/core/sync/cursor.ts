/** Where the pull of a structure's feed stands (a meta key of the account's database). */
export function cursorKey(structureId: string): string {
  return `sync.cursor:${structureId}`;
}
