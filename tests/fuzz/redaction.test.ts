import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactText } from '../../electron/core/logging/redact';
import { fuzzParameters, hostileJson, hostileString } from './support/runs';

// Whatever the secret and however a log line carries it, none of it reaches the log file.
// Each secret starts and ends with a marker no template contains: a leak of either end shows.
const MARK = 'QZX';
const leaks = (text: string) => text.includes(MARK);

const secretKey = fc.constantFrom(
  'password',
  'motDePasse',
  'mot_de_passe',
  'nouveauMotDePasse',
  'passwordConfirmation',
  'refreshToken',
  'accessToken',
  'token',
  'bureau_token',
  'x-api-key',
  'apiKey',
  'client_secret',
  'authorization',
  'Cookie',
  'passphrase',
);
const marked = (inner: fc.Arbitrary<string>) => inner.map((text) => `${MARK}${text}${MARK}`);
/** Any text at all (JSON and dumps escape it). */
const anySecret = marked(fc.oneof(hostileString(), fc.string({ unit: 'binary', maxLength: 40 })));
/** Well-formed text (encodeURIComponent refuses lone surrogates). */
const textSecret = marked(fc.string({ unit: 'grapheme', maxLength: 40 }));
/** What a token, a cookie value or a word of free text is made of. */
const tokenSecret = marked(fc.stringMatching(/^[\w.~+/=-]{0,40}$/));
const base64url = fc.stringMatching(/^[\w-]{1,40}$/);

/** Hostile values that hold no marker of their own. */
const innocentJson = hostileJson().filter((value) => !(JSON.stringify(value) ?? '').includes(MARK));

const object = (key: string, secret: string) => ({ mail: 'lea@exemple.fr', [key]: secret, essais: 2 });

describe('redaction, fuzzed', () => {
  it('masks a secret value in JSON, escaped JSON and JS dumps, whatever it holds', () => {
    fc.assert(
      fc.property(secretKey, anySecret, (key, secret) => {
        for (const line of [
          JSON.stringify(object(key, secret)),
          JSON.stringify(JSON.stringify(object(key, secret))),
          `réponse ${JSON.stringify({ data: JSON.stringify(object(key, secret)) })}`,
          inspect(object(key, secret)),
          inspect({ config: { data: JSON.stringify(object(key, secret)) } }),
        ]) {
          const masked = redactText(line);
          if (leaks(masked)) throw new Error(`fuite : ${JSON.stringify(line)} → ${JSON.stringify(masked)}`);
        }
      }),
      fuzzParameters(400),
    );
  });

  it('masks tokens in URLs, headers, cookies, free text and JWTs', () => {
    fc.assert(
      fc.property(
        secretKey,
        tokenSecret,
        textSecret,
        fc.tuple(base64url, base64url, base64url),
        (key, token, text, [header, payload, signature]) => {
          for (const line of [
            `GET /api/offres?${key}=${encodeURIComponent(text)}&page=2 HTTP/1.1`,
            `GET /?${new URLSearchParams({ [key]: text, onglet: 'a' }).toString()}`,
            `Location: /connexion?retour=${encodeURIComponent(`/?token=${encodeURIComponent(text)}&onglet=2`)}`,
            `Authorization: Bearer ${token}`,
            `Cookie: theme=sombre; ${key}=${token}; lang=fr`,
            `Set-Cookie: bureau_token=${token}; Path=/; HttpOnly; SameSite=Strict`,
            `${key}: ${token} (refusé)`,
            `${key}=${token}`,
            `jeton eyJ${MARK}${header}.${payload}.${signature}${MARK} refusé`,
          ]) {
            const masked = redactText(line);
            if (leaks(masked)) throw new Error(`fuite : ${JSON.stringify(line)} → ${JSON.stringify(masked)}`);
          }
        },
      ),
      fuzzParameters(400),
    );
  });

  it('masks secret keys at any depth of any logged value', () => {
    fc.assert(
      fc.property(innocentJson, secretKey, anySecret, tokenSecret, (value, key, secret, token) => {
        const logged = [
          value,
          { nested: { deeper: [object(key, secret)] }, value },
          new Error(`refus ${key}=${token}`, { cause: object(key, secret) }),
        ];
        const masked = JSON.stringify(redact(logged), (_, item: unknown) =>
          item instanceof Error ? { message: item.message, stack: item.stack, cause: item.cause } : item,
        );
        expect(leaks(masked)).toBe(false);
      }),
      fuzzParameters(300),
    );
  });

  it('never throws, and masking twice changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(), fc.string({ maxLength: 200 })), (line) => {
        const once = redactText(line);
        expect(redactText(once)).toBe(once);
      }),
      fuzzParameters(1_000),
    );
  });

  it('leaves lines with nothing secret-looking unchanged', () => {
    // No secret word, "Bearer", "Basic", "cookie" or "eyJ" can be spelt with these letters.
    const harmless = fc.stringMatching(/^[bfghjlmquvxyzBFGHJLMQUVXYZ0-9 :=,;&"'{}[\]%_./\\-]{0,120}$/);
    fc.assert(
      fc.property(harmless, (line) => {
        expect(redactText(line)).toBe(line);
      }),
      fuzzParameters(1_000),
    );
  });
});
