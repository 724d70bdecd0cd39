import { z } from '../zod';
import { userSchema } from '../domain/account';

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  /** Seconds. */
  accessTokenExpiresIn: z.number().int().positive(),
  refreshToken: z.string(),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

/** `POST /auth/login` answer. */
export const loginResponseSchema = tokenPairSchema.extend({ user: userSchema });

export const refreshRequestSchema = z.object({
  refreshToken: z
    .string({ error: 'Le jeton de renouvellement est obligatoire.' })
    .min(1, 'Le jeton de renouvellement est obligatoire.'),
});

export const healthSchema = z.object({ status: z.literal('ok'), time: z.string() });

export const API_BASE = '/api/v1';
