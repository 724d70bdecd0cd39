import { describe, expect, it } from 'vitest';
import { redact, redactText, REDACTED } from './redact';

const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkzDqWEifQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('redaction of log lines', () => {
  it('masks passwords and tokens in JSON, query strings and free text', () => {
    const line = redactText(
      `POST /auth/login {"mail":"lea@exemple.fr","password":"Apprenti-\\"33!","refreshToken":"abc.def"} ` +
        `GET /sync?token=s3cr3t&since=12 motDePasse: hunter2 client_secret=xyz`,
    );
    expect(line).not.toMatch(/Apprenti|abc\.def|s3cr3t|hunter2|xyz/);
    expect(line).toContain(`"password":"${REDACTED}"`);
    expect(line).toContain(`"refreshToken":"${REDACTED}"`);
    expect(line).toContain(`token=${REDACTED}&since=12`);
    // What is not secret stays readable.
    expect(line).toContain('"mail":"lea@exemple.fr"');
    expect(line).toContain('POST /auth/login');
  });

  it('masks authorisation headers and JWTs wherever they are', () => {
    expect(redactText(`Authorization: Bearer ${JWT}`)).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText(`headers { authorization: 'Bearer abc123' }`)).not.toContain('abc123');
    expect(redactText(`jeton ${JWT} refusé`)).toBe(`jeton ${REDACTED} refusé`);
    expect(redactText('Basic dXNlcjpwYXNz')).toBe(`Basic ${REDACTED}`);
  });

  it('masks secret keys of objects at any depth and keeps the rest', () => {
    const cyclic: Record<string, unknown> = {
      accessToken: 'a',
      nested: { Password: 'p', siret: '12345678901234' },
    };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({
      accessToken: REDACTED,
      nested: { Password: REDACTED, siret: '12345678901234' },
      self: '[circulaire]',
    });
    expect(redact([1, null, `Bearer ${JWT}`])).toEqual([1, null, `Bearer ${REDACTED}`]);
  });

  it('rebuilds errors with their message and stack masked', () => {
    const error = new TypeError(`refus pour password=hunter2 (${JWT})`);
    const copy = redact(error) as Error;
    expect(copy).toBeInstanceOf(Error);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe(`refus pour password=${REDACTED} (${REDACTED})`);
    expect(copy.stack).not.toContain('hunter2');
    expect(error.message).toContain('hunter2');
  });
});

describe('redaction of what the logs actually see', () => {
  it.each([
    ['escaped JSON', JSON.stringify(JSON.stringify({ password: 'p"q\\r', refreshToken: 'RT9' }))],
    ['a JS object dump', `{ password: 'hunter2', token: "tok9", motDePasse: \`a'b"c\` }`],
    ['a JSON number', '{"token": 123456789, "pin": 1}'],
    ['a cut line', '{"mail":"lea@exemple.fr","password":"Apprenti-33'],
    ['a header', 'x-api-key: K3Y-9 accept: json'],
    ['French keys', 'motDePasse=Secret1 mot_de_passe : Secret2'],
  ])('masks the values in %s', (_, line) => {
    const masked = redactText(line);
    expect(masked).not.toMatch(/hunter2|tok9|RT9|p\\*"q|a'b|123456789|Apprenti|K3Y|Secret1|Secret2/);
    expect(masked).toContain(REDACTED);
  });

  it('masks every cookie of a Cookie or Set-Cookie header, and cookie values in dumps', () => {
    expect(redactText('Cookie: theme=dark; bureau_token=abc.def; x=1')).toBe(`Cookie: ${REDACTED}`);
    expect(redactText('set-cookie: bureau_token=abc; Path=/; HttpOnly')).toBe(`set-cookie: ${REDACTED}`);
    expect(redactText("headers: { cookie: 'a=b; c=d', accept: 'json' }")).toBe(
      `headers: { cookie: '${REDACTED}', accept: 'json' }`,
    );
    expect(redactText('bureau_token=abc123; Path=/')).toBe(`bureau_token=${REDACTED}; Path=/`);
  });

  it('masks the web host’s ?token= links, percent-encoded ones included', () => {
    expect(redactText('GET /?token=T0K3N&x=1 HTTP/1.1')).toBe(`GET /?token=${REDACTED}&x=1 HTTP/1.1`);
    expect(redactText('Location: /connexion?retour=%2F%3Ftoken%3DS3CR3T%26onglet%3D2')).toBe(
      `Location: /connexion?retour=%2F%3Ftoken%3D${REDACTED}%26onglet%3D2`,
    );
    expect(redactText(`http://127.0.0.1:4310/?token=${JWT}`)).toBe(
      `http://127.0.0.1:4310/?token=${REDACTED}`,
    );
  });

  it('leaves ordinary lines alone and masking twice changes nothing', () => {
    const ordinary = 'Synchronisation terminée : 12 offres, 3 candidatures (SIRET 12345678901234) en 240 ms';
    expect(redactText(ordinary)).toBe(ordinary);
    const once = redactText(`{"password":"x"} Cookie: a=b Bearer abc token=t ${JWT} token%3Dz`);
    expect(redactText(once)).toBe(once);
  });

  it('stays fast on hostile lines (no catastrophic backtracking)', () => {
    for (const line of [
      'a-'.repeat(100_000),
      'token'.repeat(40_000),
      'token-'.repeat(30_000),
      '"password":"'.repeat(20_000),
      'eyJ-'.repeat(50_000),
      'password: '.repeat(20_000),
      `${' '.repeat(100_000)}x`,
    ]) {
      const start = performance.now();
      redactText(line);
      // Linear: a few milliseconds here; a quadratic pattern would take minutes.
      expect(performance.now() - start, line.slice(0, 12)).toBeLessThan(5_000);
    }
  });

  it('keeps what helps diagnose an error: its code and its cause, masked', () => {
    const cause = Object.assign(new Error('refus token=abc'), { code: 'ECONNRESET' });
    const error = Object.assign(new Error('Échec', { cause }), {
      code: 'SQLITE_BUSY',
      config: { headers: { Authorization: 'Bearer abc' } },
    });
    const copy = redact(error) as Error & { code: string; cause: Error & { code: string } };
    expect(copy.code).toBe('SQLITE_BUSY');
    expect(copy.cause.message).toBe(`refus token=${REDACTED}`);
    expect(copy.cause.code).toBe('ECONNRESET');
    expect(copy).not.toHaveProperty('config');
  });

  it('keeps dates, masks secret keys of maps, and does not copy binary data', () => {
    const date = new Date('2026-03-04T10:20:30Z');
    expect(redact({ at: date })).toEqual({ at: date });
    expect(
      redact(
        new Map([
          ['refreshToken', 'x'],
          ['mail', 'lea@exemple.fr'],
        ]),
      ),
    ).toEqual(
      new Map([
        ['refreshToken', REDACTED],
        ['mail', 'lea@exemple.fr'],
      ]),
    );
    expect(redact(new Set([`Bearer abc`]))).toEqual(new Set([`Bearer ${REDACTED}`]));
    expect(redact(Buffer.from('password=hunter2'))).toBe('[binaire, 16 octets]');
  });
});
