import { z } from '../zod';
import { credentialsSchema, registrationFormSchema } from '../domain/account';
import { companySchema, siretSchema } from '../domain/company';
import { connectivitySchema, sessionSchema } from '../domain/session';
import { structureCreateSchema, structureSchema } from '../domain/structure';
import { channel } from './define';

const none = z.object({}).strict().optional();
const done = z.object({ done: z.literal(true) });

/**
 * Every channel between the renderer and the main process (or the web host), declared once.
 * Preload bridge, renderer client and handler types are all derived from this object.
 */
export const contract = {
  'session.get': channel(none, sessionSchema),
  'auth.register': channel(registrationFormSchema, z.object({ mail: z.string() })),
  'auth.login': channel(credentialsSchema, sessionSchema),
  'auth.logout': channel(none, done),
  'companies.lookup': channel(z.object({ siret: siretSchema }).strict(), companySchema),
  'structure.get': channel(none, structureSchema.nullable()),
  'structure.create': channel(structureCreateSchema.strict(), structureSchema),
  'connectivity.get': channel(none, connectivitySchema),
  'connectivity.check': channel(none, connectivitySchema),
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** What a caller sends (before parsing: the raw form values). */
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing: trimmed, normalised). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};
