import Conf from 'conf';
import { configValuesSchema } from '../../shared/domain/config';
import { signOutNoticeSchema } from '../../shared/domain/session';
import { z } from '../../shared/zod';

/** A window's outer rectangle in screen coordinates (DIP), and whether it was maximised. */
export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

/** What the desktop remembers between runs (not secrets: those go to the SecretStore). */
export const settingsSchema = z.object({
  /** The account whose local database opens at start. */
  lastUserId: z.uuid().optional(),
  /** Why the app signed the last account out (removed from its structure), until its owner acts. */
  signOutNotice: signOutNoticeSchema.optional(),
  /** The main window's place and size when it was last closed (checked against the screens at start). */
  windowBounds: windowBoundsSchema.optional(),
  /** The newest crash report the user was told about (older ones are not offered again). */
  crashReportsAcknowledgedAt: z.iso.datetime().optional(),
  /** « Paramètres »: what the user may change (a central configuration can override or lock them). */
  platformUrl: configValuesSchema.shape.platformUrl.optional(),
  proxy: configValuesSchema.shape.proxy.optional(),
  updateUrl: configValuesSchema.shape.updateUrl.optional(),
  updateChannel: configValuesSchema.shape.updateChannel.optional(),
  theme: configValuesSchema.shape.theme.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The part of conf's API the core uses; electron-store (a conf subclass) has it too. */
export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K] | undefined;
  set<K extends keyof Settings>(key: K, value: NonNullable<Settings[K]>): void;
  delete(key: keyof Settings): void;
}

export const SETTINGS_FILE_NAME = 'settings';

/**
 * Settings in plain Node through conf, the store electron-store is built on: same JSON
 * file, so a data folder moves between the web host and the desktop app. conf writes through
 * atomically (fsync, rename, EPERM/EBUSY retried), as the secrets and crash reports do.
 */
export function createNodeSettings(dataDir: string): SettingsStore {
  return new Conf<Settings>({
    projectName: 'alternance-bureau',
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    clearInvalidConfig: true,
  }) as unknown as SettingsStore;
}

/** Reads through the schema: a hand-edited or corrupted value is ignored, not trusted. */
export function readSetting<K extends keyof Settings>(store: SettingsStore, key: K): Settings[K] | undefined {
  const parsed = settingsSchema.shape[key].safeParse(store.get(key));
  return parsed.success ? (parsed.data as Settings[K]) : undefined;
}
