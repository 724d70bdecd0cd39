import { describe, expect, it } from 'vitest';
import {
  DEFAULT_UPDATE_URL,
  DIST_ELECTRON_MISSING,
  DIST_MAC_NEEDS_MAC,
  normaliseUpdateUrl,
  notarisationOf,
  planDist,
} from './dist-plan';

const electron = '/opt/electron/electron';

describe('planDist', () => {
  it('stops with one sentence when Electron cannot be had', () => {
    const plan = planDist({ arg: undefined, hostPlatform: 'linux', electronBinary: null, env: {} });
    expect(plan).toEqual({ ok: false, message: DIST_ELECTRON_MISSING });
    expect(DIST_ELECTRON_MISSING).not.toMatch(/\n/);
    expect(DIST_ELECTRON_MISSING.match(/[.!?]/g)).toEqual(['.']);
  });

  it('builds for the current OS when no target is given', () => {
    const targetOn = (hostPlatform: NodeJS.Platform) => {
      const plan = planDist({ arg: undefined, hostPlatform, electronBinary: electron, env: {} });
      return plan.ok ? plan.target : plan.message;
    };
    expect(targetOn('win32')).toBe('win');
    expect(targetOn('darwin')).toBe('mac');
    expect(targetOn('linux')).toBe('linux');
  });

  it('passes the target to electron-builder and never publishes by itself', () => {
    const plan = planDist({ arg: 'win', hostPlatform: 'linux', electronBinary: electron, env: {} });
    expect(plan.ok && plan.builderArgs).toEqual([
      '--config',
      'electron-builder.yml',
      '--win',
      '--publish',
      'never',
    ]);
  });

  it('refuses an unknown target, naming it', () => {
    const plan = planDist({ arg: 'solaris', hostPlatform: 'linux', electronBinary: electron, env: {} });
    expect(plan).toEqual({ ok: false, message: expect.stringContaining('« solaris »') as string });
  });

  it('builds macOS installers only on a Mac', () => {
    expect(planDist({ arg: 'mac', hostPlatform: 'linux', electronBinary: electron, env: {} })).toEqual({
      ok: false,
      message: DIST_MAC_NEEDS_MAC,
    });
    expect(planDist({ arg: 'mac', hostPlatform: 'darwin', electronBinary: electron, env: {} }).ok).toBe(true);
  });

  it('gives electron-builder the default update URL when UPDATE_URL is not set', () => {
    const plan = planDist({ arg: 'linux', hostPlatform: 'linux', electronBinary: electron, env: {} });
    expect(plan.ok && plan.env).toEqual({ UPDATE_URL: DEFAULT_UPDATE_URL });
  });

  it('says on a Mac build whether it will be notarised', () => {
    const plan = planDist({ arg: 'mac', hostPlatform: 'darwin', electronBinary: electron, env: {} });
    expect(plan.ok && plan.notices.some((line) => line.startsWith('Notarisation macOS : ignorée'))).toBe(
      true,
    );
  });

  it('stops before building a Mac app with half a notarisation identity', () => {
    const plan = planDist({
      arg: 'mac',
      hostPlatform: 'darwin',
      electronBinary: electron,
      env: { APPLE_API_KEY: '/keys/AuthKey.p8' },
    });
    expect(plan).toEqual({
      ok: false,
      message: expect.stringContaining('APPLE_API_KEY_ID, APPLE_API_ISSUER') as string,
    });
  });
});

describe('normaliseUpdateUrl', () => {
  it('keeps a directory URL and adds the missing final slash', () => {
    expect(normaliseUpdateUrl('https://maj.cfa.example/bureau')).toEqual({
      ok: true,
      url: 'https://maj.cfa.example/bureau/',
    });
    expect(normaliseUpdateUrl(' ')).toEqual({ ok: true, url: DEFAULT_UPDATE_URL });
  });

  it('refuses what is not an http(s) address', () => {
    for (const value of ['maj.cfa.example', 'file:///srv/maj/', 'ftp://maj.cfa.example/'])
      expect(normaliseUpdateUrl(value)).toEqual({
        ok: false,
        message: expect.stringContaining(`UPDATE_URL invalide (« ${value} »)`) as string,
      });
  });
});

describe('notarisationOf', () => {
  it('notarises with an App Store Connect API key', () => {
    const env = { APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'ABC', APPLE_API_ISSUER: 'issuer' };
    expect(notarisationOf(env)).toEqual({ ok: true, notice: expect.stringContaining('oui') as string });
  });

  it('notarises with an Apple ID, which electron-builder checks first', () => {
    const env = {
      APPLE_ID: 'it@cfa.example',
      APPLE_APP_SPECIFIC_PASSWORD: 'xxxx',
      APPLE_TEAM_ID: 'TEAM',
      APPLE_API_KEY: '/k.p8',
    };
    expect(notarisationOf(env)).toEqual({ ok: true, notice: expect.stringContaining('APPLE_ID') as string });
  });

  it('names what is missing from an incomplete Apple ID', () => {
    expect(notarisationOf({ APPLE_ID: 'it@cfa.example' })).toEqual({
      ok: false,
      message: expect.stringContaining('APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID') as string,
    });
  });

  it('skips, saying how to enable it, when nothing is set', () => {
    expect(notarisationOf({})).toEqual({
      ok: true,
      notice: expect.stringMatching(/ignorée.*APPLE_API_KEY.*APPLE_ID/) as string,
    });
  });
});
