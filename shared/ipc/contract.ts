import { z } from '../zod';
import { credentialsSchema, registrationFormSchema, userPatchSchema } from '../domain/account';
import { companySchema, siretSchema } from '../domain/company';
import { connectivitySchema, localStructureSchema, localUserSchema, sessionSchema } from '../domain/session';
import { structureCreateSchema, structurePatchSchema } from '../domain/structure';
import { conflictChoiceSchema, syncIssueSchema, syncStatusSchema } from '../domain/sync';
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
  'structure.get': channel(none, localStructureSchema.nullable()),
  'structure.create': channel(structureCreateSchema.strict(), localStructureSchema),
  /** Saved locally at once, online or not; sent to the platform by the sync engine. */
  'structure.update': channel(structurePatchSchema, localStructureSchema),
  'account.update': channel(userPatchSchema.strict(), localUserSchema),
  'connectivity.get': channel(none, connectivitySchema),
  'connectivity.check': channel(none, connectivitySchema),
  'sync.status': channel(none, syncStatusSchema),
  /** "Synchroniser maintenant": retries at once, waits for the run. */
  'sync.now': channel(none, syncStatusSchema),
  'sync.issues': channel(none, z.array(syncIssueSchema)),
  /** One field of a conflict: keep my value or the platform's. */
  'sync.resolve': channel(
    z.object({ id: z.string().min(1), field: z.string().min(1), choice: conflictChoiceSchema }).strict(),
    z.array(syncIssueSchema),
  ),
  /** Sends a refused change again as it is (after the cause was fixed elsewhere). */
  'sync.resend': channel(z.object({ id: z.string().min(1) }).strict(), z.array(syncIssueSchema)),
  /** Drops a refused or conflicting change: the platform's version comes back. */
  'sync.discard': channel(z.object({ id: z.string().min(1) }).strict(), z.array(syncIssueSchema)),
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
