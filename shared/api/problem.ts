import { z } from '../zod';

/** RFC 9457 problem details, as the platform answers every error. */
export const problemSchema = z.object({
  type: z.string().default('about:blank'),
  title: z.string(),
  status: z.number().int(),
  /** French, meant for the user. */
  detail: z.string(),
  /** Stable machine-readable reason, e.g. "siret_unknown". */
  code: z.string().optional(),
  /** One entry per invalid field. */
  errors: z.array(z.object({ field: z.string(), detail: z.string() })).optional(),
  /** On 412: the resource as it is now on the platform, to merge against. */
  current: z.unknown().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
