import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigValues } from '../../../shared/domain/config';
import { AppError } from '../../../shared/ipc/errors';
import { createNodeSettings } from '../settings';
import { parseCentralConfig, readCentralConfig } from './central-file';
import { centralConfigPath } from './central-path';
import { ConfigService } from './config-service';
import { effectiveConfig } from './effective';

const defaults: ConfigValues = {
  platformUrl: 'https://plateforme.example.fr',
  proxy: 'system',
  updateUrl: 'https://maj.example.internal/',
  updateChannel: 'latest',
  theme: 'system',
};

describe('centralConfigPath', () => {
  it('is machine-wide on each system', () => {
    expect(centralConfigPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\Alternance Nouvelle-Aquitaine\\config.json',
    );
    expect(centralConfigPath('win32', {})).toBe(
      'C:\\ProgramData\\Alternance Nouvelle-Aquitaine\\config.json',
    );
    expect(centralConfigPath('darwin', {})).toBe(
      '/Library/Application Support/Alternance Nouvelle-Aquitaine/config.json',
    );
    expect(centralConfigPath('linux', {})).toBe('/etc/alternance-bureau/config.json');
  });

  it('can be pointed elsewhere by ALTERNANCE_CENTRAL_CONFIG', () => {
    expect(centralConfigPath('linux', { ALTERNANCE_CENTRAL_CONFIG: '/tmp/c.json' })).toBe('/tmp/c.json');
  });
});

describe('parseCentralConfig', () => {
  const file = '/etc/alternance-bureau/config.json';

  it('accepts a subset of the values and the locked list', () => {
    expect(
      parseCentralConfig(
        '\uFEFF{"platformUrl":"https://p.example.fr","updateChannel":"beta","locked":["platformUrl"]}',
        file,
      ),
    ).toEqual({
      status: 'valid',
      config: { platformUrl: 'https://p.example.fr', updateChannel: 'beta', locked: ['platformUrl'] },
    });
  });

  it('may impose the theme', () => {
    expect(parseCentralConfig('{"theme":"light","locked":["theme"]}', file)).toEqual({
      status: 'valid',
      config: { theme: 'light', locked: ['theme'] },
    });
    expect(parseCentralConfig('{"theme":"bleu"}', file)).toMatchObject({
      status: 'invalid',
      error: expect.stringMatching(/« theme » \(Thème\) invalide/),
    });
  });

  it('names the file and the field in French when invalid', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"platformUrl": ', /n’est pas du JSON valide/],
      ['{"platformUrl":"ftp://x"}', /« platformUrl » \(Adresse de la plateforme\) invalide/],
      ['{"updateChannel":"nightly"}', /« updateChannel » \(Canal de mise à jour\) invalide/],
      ['{"proxy":"pas une adresse"}', /« proxy » \(Proxy\) invalide/],
      ['{"locked":["colour"]}', /« locked » \(paramètres imposés\) invalide/],
      ['{"plateformUrl":"https://p.example.fr"}', /champ non reconnu « plateformUrl »/],
      ['[]', /un objet JSON/],
    ];
    for (const [text, message] of cases) {
      const reading = parseCentralConfig(text, file);
      expect(reading.status).toBe('invalid');
      if (reading.status !== 'invalid') continue;
      expect(reading.error).toContain(file);
      expect(reading.error).toMatch(message);
    }
  });
});

describe('readCentralConfig', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('treats a missing file as no central configuration', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'central-'));
    expect(await readCentralConfig(path.join(dir, 'absent', 'config.json'))).toEqual({ status: 'absent' });
    const file = path.join(dir, 'config.json');
    await writeFile(file, '{"proxy":"http://proxy.example.internal:3128","locked":["proxy"]}');
    expect(await readCentralConfig(file)).toMatchObject({ status: 'valid' });
  });
});

describe('effectiveConfig', () => {
  it('takes the central value over the user’s over the default, saying where each comes from', () => {
    const config = effectiveConfig(
      { platformUrl: 'https://central.example.fr', locked: [] },
      { platformUrl: 'https://user.example.fr', updateChannel: 'beta' },
      defaults,
    );
    expect(config.platformUrl).toEqual({
      value: 'https://central.example.fr',
      source: 'central',
      locked: false,
    });
    expect(config.updateChannel).toEqual({ value: 'beta', source: 'user', locked: false });
    expect(config.proxy).toEqual({ value: 'system', source: 'default', locked: false });
  });

  it('a locked key ignores the user’s value even when the file does not set it', () => {
    const config = effectiveConfig({ locked: ['updateChannel'] }, { updateChannel: 'beta' }, defaults);
    expect(config.updateChannel).toEqual({ value: 'latest', source: 'default', locked: true });
  });

  it('without a central file, the user’s values apply', () => {
    expect(effectiveConfig(null, { proxy: 'http://p.example:8080' }, defaults).proxy.source).toBe('user');
  });
});

describe('ConfigService', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function service(central: ConstructorParameters<typeof ConfigService>[0]['central']) {
    dir = await mkdtemp(path.join(tmpdir(), 'config-'));
    const settings = createNodeSettings(dir);
    return {
      settings,
      config: new ConfigService({ centralPath: '/etc/x.json', central, defaults }, settings),
    };
  }

  it('saves the user’s values, and null goes back to the default', async () => {
    const { config } = await service({ status: 'absent' });
    const changed: string[] = [];
    config.subscribe((values) => changed.push(values.updateChannel));
    expect(config.update({ updateChannel: 'beta' }).values.updateChannel).toEqual({
      value: 'beta',
      source: 'user',
      locked: false,
    });
    expect(config.update({ updateChannel: null }).values.updateChannel.source).toBe('default');
    expect(changed).toEqual(['beta', 'latest']);
    expect(config.view()).toMatchObject({
      centralFound: false,
      centralError: null,
      centralPath: '/etc/x.json',
    });
  });

  it('refuses a locked field, naming it, and writes nothing', async () => {
    const { config, settings } = await service({
      status: 'valid',
      config: { platformUrl: 'https://central.example.fr', locked: ['platformUrl'] },
    });
    let error: unknown;
    try {
      config.update({ platformUrl: 'https://autre.example.fr', updateChannel: 'beta' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      '« Adresse de la plateforme » est imposé par votre administrateur : il ne peut pas être modifié ici.',
    );
    expect((error as AppError).fields).toHaveProperty('platformUrl');
    expect(settings.get('updateChannel')).toBeUndefined();
  });

  it('starts with the user’s settings when the central file is invalid, and reports why', async () => {
    const { config, settings } = await service({ status: 'invalid', error: 'Le fichier … est ignoré' });
    settings.set('platformUrl', 'https://user.example.fr');
    expect(config.view()).toMatchObject({
      centralFound: false,
      centralError: 'Le fichier … est ignoré',
      values: { platformUrl: { value: 'https://user.example.fr', source: 'user' } },
    });
  });

  describe('« Thème »', () => {
    it('follows the system by default, even when the setup names no theme', async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'config-'));
      const { theme: _theme, ...withoutTheme } = defaults;
      const config = new ConfigService(
        { centralPath: null, central: { status: 'absent' }, defaults: withoutTheme },
        createNodeSettings(dir),
      );
      expect(config.view().values.theme).toEqual({ value: 'system', source: 'default', locked: false });
    });

    it('keeps the user’s choice, tells the listeners, and null goes back to « Système »', async () => {
      const { config, settings } = await service({ status: 'absent' });
      const seen: string[] = [];
      config.subscribe((values) => seen.push(values.theme));
      expect(config.update({ theme: 'dark' }).values.theme).toEqual({
        value: 'dark',
        source: 'user',
        locked: false,
      });
      expect(settings.get('theme')).toBe('dark');
      expect(config.update({ theme: null }).values.theme.source).toBe('default');
      expect(seen).toEqual(['dark', 'system']);
    });

    it('an administrator’s locked theme wins and cannot be changed', async () => {
      const { config, settings } = await service({
        status: 'valid',
        config: { theme: 'light', locked: ['theme'] },
      });
      settings.set('theme', 'dark');
      expect(config.values().theme).toBe('light');
      expect(() => config.update({ theme: 'dark' })).toThrow(
        '« Thème » est imposé par votre administrateur : il ne peut pas être modifié ici.',
      );
    });

    it('ignores a hand-edited bad theme', async () => {
      const { config, settings } = await service({ status: 'absent' });
      (settings as unknown as { set(key: string, value: unknown): void }).set('theme', 'fluo');
      expect(config.values().theme).toBe('system');
    });
  });

  it('ignores a hand-edited bad user value', async () => {
    const { config, settings } = await service({ status: 'absent' });
    (settings as unknown as { set(key: string, value: unknown): void }).set('updateChannel', 'nightly');
    expect(config.values().updateChannel).toBe('latest');
  });
});
