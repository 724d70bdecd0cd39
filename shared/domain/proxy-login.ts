import { z } from '../zod';

/** A proxy asks for credentials: the window shows « Authentification du proxy ». */
export const proxyLoginRequestSchema = z.object({
  requestId: z.string(),
  host: z.string(),
  port: z.number().int(),
  realm: z.string(),
  /** Credentials already given for this proxy were refused. */
  retry: z.boolean(),
});
export type ProxyLoginRequest = z.infer<typeof proxyLoginRequestSchema>;

export const proxyCredentialsSchema = z.object({
  username: z.string().trim().min(1, { error: 'Identifiant : saisissez votre identifiant.' }).max(256),
  password: z.string().min(1, { error: 'Mot de passe : saisissez votre mot de passe.' }).max(1024),
});

/** The answer: credentials, or « Annuler » (the request then fails as offline). */
export const proxyLoginAnswerSchema = z.union([
  z.object({ requestId: z.string().min(1), cancel: z.literal(true) }).strict(),
  proxyCredentialsSchema.extend({ requestId: z.string().min(1) }).strict(),
]);
export type ProxyLoginAnswer = z.infer<typeof proxyLoginAnswerSchema>;
