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
