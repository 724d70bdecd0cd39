import { timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'bureau_token';

/** Constant-time comparison of the request's token with the host's. */
export function tokenMatches(expected: string, candidate: string | undefined): boolean {
  if (!candidate) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(candidate);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer …` or from our cookie. */
export function requestToken(headers: {
  authorization?: string | undefined;
  cookie?: string | undefined;
}): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodedCookie(rest.join('='));
  }
  return undefined;
}

// A cookie any page on 127.0.0.1 can plant (cookies ignore ports): one that is not valid
// percent-encoding reads as no token at all, never as an error of every request.
function decodedCookie(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Only our own origin may talk to the host: the Host header defeats DNS rebinding, the
 * Origin header (when the browser sends one) defeats other sites' pages.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return (
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
  );
}
