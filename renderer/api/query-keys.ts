export const queryKeys = {
  session: ['session.get'] as const,
  connectivity: ['connectivity.get'] as const,
  structure: ['structure.get'] as const,
  company: (siret: string) => ['companies.lookup', siret] as const,
};
