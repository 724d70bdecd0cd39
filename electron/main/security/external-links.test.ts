import { describe, expect, it } from 'vitest';
import { RESOURCE_SECTIONS } from '../../../shared/domain/resources';
import { isAllowedExternal } from './external-links';
import { externalTarget, isAllowedNavigation } from './navigation';

describe('links opened in the system browser (shell.openExternal)', () => {
  it('opens https links to the allow-listed public-service sites', () => {
    expect(isAllowedExternal('https://www.alternance.emploi.gouv.fr')).toBe(true);
    expect(isAllowedExternal('https://travail-emploi.gouv.fr/lapprentissage?x=1#haut')).toBe(true);
    expect(isAllowedExternal('https://WWW.FranceTravail.fr/')).toBe(true);
  });

  it('allows every link of « Espace ressources »', () => {
    const urls = RESOURCE_SECTIONS.flatMap((section) => section.links.map((link) => link.url));
    expect(urls.length).toBeGreaterThan(4);
    for (const url of urls) expect(isAllowedExternal(url), url).toBe(true);
  });

  it('refuses http, other schemes and malformed addresses', () => {
    for (const url of [
      'http://www.francetravail.fr/',
      'javascript:alert(1)',
      'JavaScript://www.francetravail.fr/%0aalert(1)',
      'file:///etc/passwd',
      'file://www.francetravail.fr/C:/Windows/System32/calc.exe',
      'smb://www.francetravail.fr/partage',
      'ms-msdt:/id PCWDiagnostic',
      'data:text/html,<script>alert(1)</script>',
      'app://bundle/',
      '//www.francetravail.fr/',
      'www.francetravail.fr',
      '',
      'pas une url',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  it('refuses other hosts, lookalikes and credentials in the URL', () => {
    for (const url of [
      'https://evil.example/',
      'https://www.francetravail.fr.evil.example/',
      'https://evil.example/?r=https://www.francetravail.fr',
      'https://francetravail.fr.evil.example',
      'https://www.francetravail.fr@evil.example/',
      'https://user:secret@www.francetravail.fr/',
      'https://user@www.francetravail.fr/',
      'https://www.francetravaiI.fr/',
      'https://www.francetrаvail.fr/', // Cyrillic "а": punycode, another host
      'https://www.francetravail.fr./',
      'https://www.francetravail.fr:8443/',
      'https://evil.travail-emploi.gouv.fr/',
      'https://gouv.fr/',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  it('sends allow-listed links out of the window, never our own pages, and keeps the window on app://', () => {
    expect(externalTarget('https://www.francetravail.fr')).toBe('https://www.francetravail.fr/');
    expect(externalTarget('https://evil.example/')).toBeNull();
    expect(externalTarget('app://bundle/espace-ressources')).toBeNull();
    expect(isAllowedNavigation('https://www.francetravail.fr/')).toBe(false);
  });
});
