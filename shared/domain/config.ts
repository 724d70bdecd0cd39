import { z } from '../zod';

/**
 * The desktop's network and update settings: set by the user in « Paramètres », or imposed by
 * an administrator through a machine-wide file (central configuration), which wins.
 */

/** Messages name no field: forms show them under the field, error messages name it themselves. */
const httpUrl = () =>
  z
    .string({ error: 'Une adresse est attendue.' })
    .trim()
    // shared/ has no URL global (neither DOM nor Node): a scheme, a host, then no blanks.
    .refine((value) => /^https?:\/\/[a-z0-9.\-[\]:]+(?:\/\S*)?$/i.test(value), {
      error: 'Adresse invalide : elle doit commencer par https:// ou http://.',
    });

export const updateChannelSchema = z.enum(['latest', 'beta'], {
  error: '« latest » (stable) ou « beta » attendu.',
});
export type UpdateChannel = z.infer<typeof updateChannelSchema>;

export const updateChannelLabels: Record<UpdateChannel, string> = {
  latest: 'Stable',
  beta: 'Bêta (versions de test)',
};

/** « system »: the proxy of the operating system (PAC, WPAD...); otherwise http://hôte:port. */
export const proxySettingSchema = z.union([z.literal('system'), httpUrl()], {
  error: '« system » ou une adresse http://hôte:port attendue.',
});
export type ProxySetting = z.infer<typeof proxySettingSchema>;

/** « Thème »: light, dark, or whatever the operating system uses (the default). */
export const themeSchema = z.enum(['light', 'dark', 'system'], {
  error: '« light » (clair), « dark » (sombre) ou « system » (système) attendu.',
});
export type Theme = z.infer<typeof themeSchema>;

export const themeLabels: Record<Theme, string> = {
  light: 'Clair',
  dark: 'Sombre',
  system: 'Système',
};

export const DEFAULT_THEME: Theme = 'system';

export const configKeys = ['platformUrl', 'proxy', 'updateUrl', 'updateChannel', 'theme'] as const;
export const configKeySchema = z.enum(configKeys, {
  error: `Paramètre inconnu : ${configKeys.map((key) => `« ${key} »`).join(', ')} attendu.`,
});
export type ConfigKey = z.infer<typeof configKeySchema>;

export const configLabels: Record<ConfigKey, string> = {
  platformUrl: 'Adresse de la plateforme',
  proxy: 'Proxy',
  updateUrl: 'Adresse des mises à jour',
  updateChannel: 'Canal de mise à jour',
  theme: 'Thème',
};

export const configValuesSchema = z.object({
  platformUrl: httpUrl(),
  proxy: proxySettingSchema,
  updateUrl: httpUrl(),
  updateChannel: updateChannelSchema,
  theme: themeSchema,
});
export type ConfigValues = z.infer<typeof configValuesSchema>;

/** The administrator's file: any subset of the values, and which of them users may not change. */
export const centralConfigSchema = configValuesSchema
  .partial()
  .extend({ locked: z.array(configKeySchema).default([]) })
  .strict();
export type CentralConfig = z.infer<typeof centralConfigSchema>;

export const configSourceSchema = z.enum(['central', 'user', 'default']);
export type ConfigSource = z.infer<typeof configSourceSchema>;

export const configSourceLabels: Record<ConfigSource, string> = {
  central: 'Configuration de l’administrateur',
  user: 'Votre réglage',
  default: 'Valeur par défaut',
};

const entry = <S extends z.ZodType>(value: S) =>
  z.object({ value, source: configSourceSchema, locked: z.boolean() });

export const effectiveConfigSchema = z.object({
  platformUrl: entry(z.string()),
  proxy: entry(proxySettingSchema),
  updateUrl: entry(z.string()),
  updateChannel: entry(updateChannelSchema),
  theme: entry(themeSchema),
});
export type EffectiveConfig = z.infer<typeof effectiveConfigSchema>;

/** What « Paramètres » shows. */
export const configViewSchema = z.object({
  values: effectiveConfigSchema,
  /** Where an administrator puts the central file on this computer (null: none, in the web host). */
  centralPath: z.string().nullable(),
  /** Whether that file was found (and valid). */
  centralFound: z.boolean(),
  /** Why the central file was ignored (invalid JSON, a wrong field), in French. */
  centralError: z.string().nullable(),
  /** The platform address this run uses: a change takes effect at the next start. */
  platformUrlInUse: z.string(),
});
export type ConfigView = z.infer<typeof configViewSchema>;

/** A user change; null goes back to the default (or the administrator's value). */
export const configPatchSchema = z
  .object({
    platformUrl: configValuesSchema.shape.platformUrl.nullable(),
    proxy: proxySettingSchema.nullable(),
    updateUrl: configValuesSchema.shape.updateUrl.nullable(),
    updateChannel: updateChannelSchema.nullable(),
    theme: themeSchema.nullable(),
  })
  .partial()
  .strict();
export type ConfigPatch = z.infer<typeof configPatchSchema>;

/** The internal update server's placeholder: IT sets the real one (central file or UPDATE_URL at build). */
export const DEFAULT_UPDATE_URL = 'https://mises-a-jour.example.internal/alternance-bureau/';
