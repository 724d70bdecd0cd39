import axios, {
  AxiosError,
  type AxiosAdapter,
  type AxiosInstance,
  type AxiosRequestConfig,
  type AxiosResponse,
} from 'axios';
import {
  API_BASE,
  healthSchema,
  loginResponseSchema,
  tokenPairSchema,
  type TokenPair,
} from '../../../shared/api/auth';
import { problemSchema, type Problem } from '../../../shared/api/problem';
import { AppError } from '../../../shared/ipc/errors';
import type { z } from '../../../shared/zod';
import { isNetworkFailure, toAppError } from './errors';

export interface PlatformClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  /** Electron passes an adapter on its own network stack (system proxy, corporate CAs). */
  adapter?: AxiosAdapter;
  /** Every request's outcome: answered (whatever the status) or not. */
  onReachability?: (reachable: boolean) => void;
  /** A new refresh token to keep (after login or rotation), or null when the session ended. */
  onRefreshToken?: (token: string | null) => void | Promise<void>;
}

type Schema = z.ZodType;

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  params?: Record<string, string | number>;
  headers?: Record<string, string>;
  /** Sends the access token (refreshing it once on 401). */
  auth?: boolean;
  /** 0: no timeout (a live stream stays open; its reader watches it). */
  timeoutMs?: number;
  /** Aborts the request, or the reading of a streamed answer. */
  signal?: AbortSignal;
  /** 'stream': the body is not read, the caller reads it (a snapshot's NDJSON, see exchangeStream). */
  responseType?: 'stream';
}

interface CallOptions<S extends Schema> extends RequestOptions {
  schema: S;
}

export type Exchange =
  | { kind: 'ok'; data: unknown }
  /** No answer: refused, unreachable, timed out. */
  | { kind: 'network'; message: string }
  | {
      kind: 'http';
      status: number;
      message: string;
      problem: Problem | null;
      retryAfterMs: number | undefined;
    }
  /** The refresh token was refused: the user must sign in again. */
  | { kind: 'session-expired' };

export type StreamExchange =
  { kind: 'ok'; body: AsyncIterable<Uint8Array | string> } | Exclude<Exchange, { kind: 'ok' }>;

/** A refusal's body when the answer was asked as a stream: the problem's JSON, read whole (it is small). */
async function readProblem(data: unknown): Promise<unknown> {
  if (!data || typeof (data as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') return data;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of data as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** `Retry-After: 30` or an HTTP date, in milliseconds from now. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  // Otherwise an HTTP date (IMF-fixdate, RFC 9110), nothing looser.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(header.trim()))
    return undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export const SESSION_EXPIRED = 'Votre session a expiré : reconnectez-vous.';

/** The platform's REST API over axios, with access / refresh tokens. */
export class PlatformClient {
  private readonly http: AxiosInstance;
  private accessToken: string | null = null;
  private refreshToken: string | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly options: PlatformClientOptions) {
    this.http = axios.create({
      baseURL: new URL(API_BASE, options.baseUrl).toString(),
      timeout: options.timeoutMs ?? 15_000,
      headers: { Accept: 'application/json' },
      // The API never redirects; without redirects axios skips its follow-redirects layer (faster pushes).
      maxRedirects: 0,
      ...(options.adapter ? { adapter: options.adapter } : {}),
    });
  }

  /** Whether this client holds a refresh token (false once the platform ended the session). */
  hasSession(): boolean {
    return this.refreshToken !== null;
  }

  /** Resumes a session from a stored refresh token (the access token is fetched when needed). */
  resume(refreshToken: string | null): void {
    this.refreshToken = refreshToken;
    this.accessToken = null;
  }

  private async request<T>(config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    try {
      const response = await this.http.request<T>(config);
      this.options.onReachability?.(true);
      return response;
    } catch (error) {
      this.options.onReachability?.(!isNetworkFailure(error));
      throw error;
    }
  }

  private async send<T>(config: AxiosRequestConfig): Promise<T> {
    return (await this.request<T>(config)).data;
  }

  private parse<S extends Schema>(schema: S, data: unknown): z.output<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success)
      throw new AppError(
        'platform',
        'Réponse inattendue de la plateforme : mettez l’application à jour ou réessayez plus tard.',
      );
    return parsed.data;
  }

  private async storeTokens(pair: TokenPair): Promise<void> {
    this.accessToken = pair.accessToken;
    this.refreshToken = pair.refreshToken;
    await this.options.onRefreshToken?.(pair.refreshToken);
  }

  private async endSession(): Promise<void> {
    this.accessToken = null;
    this.refreshToken = null;
    await this.options.onRefreshToken?.(null);
  }

  /** One refresh at a time: concurrent 401s wait for the same rotation. */
  private refreshAccessToken(): Promise<void> {
    this.refreshing ??= (async () => {
      if (!this.refreshToken) throw new AppError('unauthorized', SESSION_EXPIRED);
      try {
        const data = await this.send<unknown>({
          method: 'POST',
          url: '/auth/refresh',
          data: { refreshToken: this.refreshToken },
        });
        await this.storeTokens(this.parse(tokenPairSchema, data));
      } catch (error) {
        if (error instanceof AxiosError && error.response?.status === 401) {
          await this.endSession();
          throw new AppError('unauthorized', SESSION_EXPIRED);
        }
        throw toAppError(error);
      }
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Sends a request; with `auth`, refreshes the access token once on 401 and retries once. */
  private async perform(options: RequestOptions): Promise<unknown> {
    const attempt = async () => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.auth) {
        if (!this.accessToken) await this.refreshAccessToken();
        headers.Authorization = `Bearer ${this.accessToken}`;
      }
      return this.send<unknown>({
        method: options.method,
        url: options.path,
        data: options.body,
        headers,
        ...(options.params ? { params: options.params } : {}),
        ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.responseType ? { responseType: options.responseType } : {}),
      });
    };
    try {
      return await attempt();
    } catch (error) {
      // The access token expired (or the platform restarted): refresh once, retry once.
      if (!(options.auth && error instanceof AxiosError && error.response?.status === 401)) throw error;
      this.accessToken = null;
      return attempt();
    }
  }

  /** One REST call; errors come out as AppError with the platform's French message. */
  async call<S extends Schema>(options: CallOptions<S>): Promise<z.output<S>> {
    try {
      return this.parse(options.schema, await this.perform(options));
    } catch (error) {
      throw toAppError(error);
    }
  }

  /**
   * One REST call whose every outcome is data, not an exception: the sync engine decides per
   * outcome (acknowledged, retry later, merge, park).
   */
  async exchange(options: RequestOptions): Promise<Exchange> {
    try {
      return { kind: 'ok', data: await this.perform(options) };
    } catch (error) {
      if (error instanceof AppError) {
        return error.code === 'unauthorized'
          ? { kind: 'session-expired' }
          : { kind: 'network', message: error.message };
      }
      if (!(error instanceof AxiosError)) throw error;
      if (!error.response) return { kind: 'network', message: toAppError(error).message };
      if (options.responseType === 'stream') error.response.data = await readProblem(error.response.data);
      const problem = problemSchema.safeParse(error.response.data);
      return {
        kind: 'http',
        status: error.response.status,
        message: toAppError(error).message,
        problem: problem.success ? problem.data : null,
        retryAfterMs: retryAfterMs(error.response.headers['retry-after']),
      };
    }
  }

  /**
   * exchange, but an accepted answer's body is left unread, as a stream of bytes (the snapshot's
   * NDJSON, read line by line: never held whole). Refusals come parsed, as with exchange.
   */
  async exchangeStream(options: RequestOptions): Promise<StreamExchange> {
    const answer = await this.exchange({ ...options, responseType: 'stream' });
    return answer.kind === 'ok' ? { kind: 'ok', body: answer.data as AsyncIterable<Uint8Array> } : answer;
  }

  /**
   * A public download the platform may answer "unchanged" (304) to, when `etag` is still its
   * ETag: null then, else the data and its new ETag.
   */
  async fetchIfChanged<S extends Schema>(options: {
    path: string;
    etag: string | null;
    schema: S;
    timeoutMs?: number;
  }): Promise<{ data: z.output<S>; etag: string | null } | null> {
    let response: AxiosResponse<unknown>;
    try {
      response = await this.request<unknown>({
        method: 'GET',
        url: options.path,
        headers: options.etag ? { 'If-None-Match': options.etag } : {},
        validateStatus: (status) => (status >= 200 && status < 300) || status === 304,
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      });
    } catch (error) {
      throw toAppError(error);
    }
    if (response.status === 304) return null;
    const etag: unknown = response.headers.etag;
    return { data: this.parse(options.schema, response.data), etag: typeof etag === 'string' ? etag : null };
  }

  async login(mail: string, password: string) {
    const data = await this.call({
      method: 'POST',
      path: '/auth/login',
      body: { mail, password },
      schema: loginResponseSchema,
    });
    await this.storeTokens(data);
    return data.user;
  }

  /** Revokes the refresh token on the platform if it can be reached; forgets it either way. */
  async logout(): Promise<void> {
    const token = this.refreshToken;
    await this.endSession();
    if (!token) return;
    try {
      await this.send({ method: 'POST', url: '/auth/logout', data: { refreshToken: token }, timeout: 5_000 });
    } catch {
      // Offline: the token stays valid on the platform until it expires, but this desktop no longer has it.
    }
  }

  async health(timeoutMs = 5_000) {
    return this.call({ method: 'GET', path: '/health', schema: healthSchema, timeoutMs });
  }
}
