export const queryKeys = {
  session: ['session.get'] as const,
  connectivity: ['connectivity.get'] as const,
  structure: ['structure.get'] as const,
  members: ['members.list'] as const,
  syncStatus: ['sync.status'] as const,
  syncIssues: ['sync.issues'] as const,
  company: (siret: string) => ['companies.lookup', siret] as const,
};

/** The queries showing each synced entity's local data. */
export const entityQueries: Record<string, ReadonlyArray<readonly string[]>> = {
  structure: [queryKeys.structure, queryKeys.session],
  account: [queryKeys.session],
  member: [queryKeys.members],
};
