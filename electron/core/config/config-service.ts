import {
  configKeys,
  DEFAULT_THEME,
  configLabels,
  type ConfigKey,
  type ConfigPatch,
  type ConfigValues,
  type ConfigView,
  type EffectiveConfig,
} from '../../../shared/domain/config';
import { AppError } from '../../../shared/ipc/errors';
import { readSetting, type SettingsStore } from '../settings';
import type { CentralReading } from './central-file';
import { effectiveConfig, valuesOf } from './effective';

export interface ConfigSetup {
  /** Where the central file is looked for (null: not looked for, as in the web host). */
  centralPath: string | null;
  central: CentralReading;
  /**
   * Built-in values and command-line arguments: used when neither the file nor the user set one.
   * The theme needs none: it follows the system unless told otherwise.
   */
  defaults: Omit<ConfigValues, 'theme'> & Partial<Pick<ConfigValues, 'theme'>>;
}

/** The user's own values, each read through the settings schema (a hand-edited bad value is ignored). */
export function readUserConfig(settings: SettingsStore): Partial<ConfigValues> {
  const values: Partial<Record<ConfigKey, unknown>> = {};
  for (const key of configKeys) {
    const value = readSetting(settings, key);
    if (value !== undefined) values[key] = value;
  }
  return values as Partial<ConfigValues>;
}

/** Refuses a change to a value the administrator locked, naming it. */
export function checkNotLocked(patch: ConfigPatch, config: EffectiveConfig): void {
  const refused = configKeys.filter((key) => key in patch && config[key].locked);
  if (refused.length === 0) return;
  const fields = Object.fromEntries(
    refused.map((key) => [key, `« ${configLabels[key]} » est imposé par votre administrateur.`]),
  );
  throw new AppError(
    'forbidden',
    refused.length === 1
      ? `« ${configLabels[refused[0]!]} » est imposé par votre administrateur : il ne peut pas être modifié ici.`
      : `Ces paramètres sont imposés par votre administrateur : ${refused.map((key) => `« ${configLabels[key]} »`).join(', ')}.`,
    fields,
  );
}

/** « Paramètres »: central file over user settings over defaults. */
export class ConfigService {
  private readonly listeners = new Set<(values: ConfigValues) => void>();
  /** The platform address this run was started with: a change takes effect at the next start. */
  readonly platformUrlInUse: string;

  constructor(
    private readonly setup: ConfigSetup,
    private readonly settings: SettingsStore,
    platformUrlInUse?: string,
  ) {
    this.platformUrlInUse = platformUrlInUse ?? this.values().platformUrl;
  }

  effective(): EffectiveConfig {
    const central = this.setup.central.status === 'valid' ? this.setup.central.config : null;
    return effectiveConfig(central, readUserConfig(this.settings), {
      theme: DEFAULT_THEME,
      ...this.setup.defaults,
    });
  }

  values(): ConfigValues {
    return valuesOf(this.effective());
  }

  view(): ConfigView {
    const { central, centralPath } = this.setup;
    return {
      values: this.effective(),
      centralPath,
      centralFound: central.status === 'valid',
      centralError: central.status === 'invalid' ? central.error : null,
      platformUrlInUse: this.platformUrlInUse,
    };
  }

  /** Called after each saved change (the desktop applies the proxy, the updater its feed). */
  subscribe(listener: (values: ConfigValues) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves the user's values (nothing if one of them is locked). */
  update(patch: ConfigPatch): ConfigView {
    checkNotLocked(patch, this.effective());
    for (const key of configKeys) {
      if (!(key in patch)) continue;
      const value = patch[key];
      if (value === null || value === undefined) this.settings.delete(key);
      else this.settings.set(key, value);
    }
    const values = this.values();
    for (const listener of [...this.listeners]) listener(values);
    return this.view();
  }
}
