import {
  configKeys,
  type CentralConfig,
  type ConfigKey,
  type ConfigValues,
  type EffectiveConfig,
} from '../../../shared/domain/config';

/**
 * Each value and where it comes from: the administrator's file first (when valid), then the
 * user's settings, then the defaults (which include command-line arguments).
 * A locked key ignores the user's value even when the file does not set it: the default stands.
 */
export function effectiveConfig(
  central: CentralConfig | null,
  user: Partial<ConfigValues>,
  defaults: ConfigValues,
): EffectiveConfig {
  const locked = new Set<ConfigKey>(central?.locked ?? []);
  const pick = <K extends ConfigKey>(key: K) => {
    const isLocked = locked.has(key);
    const fromCentral = central?.[key];
    if (fromCentral !== undefined)
      return { value: fromCentral, source: 'central' as const, locked: isLocked };
    const fromUser = user[key];
    if (fromUser !== undefined && !isLocked)
      return { value: fromUser, source: 'user' as const, locked: false };
    return { value: defaults[key], source: 'default' as const, locked: isLocked };
  };
  return Object.fromEntries(configKeys.map((key) => [key, pick(key)])) as EffectiveConfig;
}

/** The plain values, for the code that uses them. */
export function valuesOf(config: EffectiveConfig): ConfigValues {
  return Object.fromEntries(configKeys.map((key) => [key, config[key].value])) as ConfigValues;
}
