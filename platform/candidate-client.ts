/**
 * The candidate side of the platform's REST API over HTTP (DESIGN.md §5), as a candidate's app
 * would call it: for `npm run platform:candidate` and for the end-to-end tests that play a
 * candidate against a running platform.
 */
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { API_BASE } from '../shared/api/auth';
import { problemSchema, type Problem } from '../shared/api/problem';
import {
  candidateApplicationReceiptSchema,
  candidateNotificationSchema,
  candidateProfileSchema,
  candidateSessionSchema,
  type CandidateSession,
  type profileCreateSchema,
} from '../shared/domain/candidates';
import { publicOffersPageSchema, type PublicOffer } from '../shared/domain/offers';
import { z } from '../shared/zod';

export type CandidateProfile = z.infer<typeof candidateProfileSchema>;
export type CandidateApplicationReceipt = z.infer<typeof candidateApplicationReceiptSchema>;
export type CandidateNotification = z.infer<typeof candidateNotificationSchema>;

/** What `POST /candidates/register` takes (the consent is given by whoever runs the client). */
export interface CandidateRegistrationInput {
  mail: string;
  password: string;
  firstName: string;
  lastName: string;
  mobile: string;
  birthDate: string;
}

/** A refusal of the platform (its RFC 9457 problem), or no answer at all (status 0). */
export class CandidateApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problem: Problem | null = null,
  ) {
    super(message);
    this.name = 'CandidateApiError';
  }

  /** The per-field details of a 4xx, if any. */
  get fieldErrors(): Array<{ field: string; detail: string }> {
    return this.problem?.errors ?? [];
  }
}

function toApiError(error: unknown, baseUrl: string): unknown {
  if (!(error instanceof AxiosError)) return error;
  if (!error.response) {
    return new CandidateApiError(
      0,
      `La plateforme ${baseUrl} ne répond pas (${error.code ?? error.message}) : est-elle démarrée ?`,
    );
  }
  const { status, data } = error.response;
  const problem = problemSchema.safeParse(data);
  if (problem.success) return new CandidateApiError(status, problem.data.detail, problem.data);
  return new CandidateApiError(status, `La plateforme a refusé la demande (erreur ${status}).`);
}

/** One candidate's session with the platform at `baseUrl` (e.g. http://127.0.0.1:3750). */
export class CandidateClient {
  private readonly http: AxiosInstance;
  private token: string | null = null;

  constructor(readonly baseUrl: string) {
    this.http = axios.create({
      baseURL: new URL(API_BASE, baseUrl).toString(),
      timeout: 15_000,
      headers: { Accept: 'application/json' },
      maxRedirects: 0,
    });
  }

  private async call<S extends z.ZodType>(
    schema: S,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    options: { body?: unknown; params?: Record<string, string | number> } = {},
  ): Promise<z.output<S>> {
    try {
      const response = await this.http.request({
        method,
        url: path,
        data: options.body,
        params: options.params,
        headers: this.token ? { Authorization: `Bearer ${this.token}` } : {},
      });
      return schema.parse(response.status === 204 ? null : response.data);
    } catch (error) {
      throw toApiError(error, this.baseUrl);
    }
  }

  private signedIn(session: CandidateSession): CandidateSession {
    this.token = session.accessToken;
    return session;
  }

  /** "Créer un compte" as a candidate, signed in at once. */
  async register(input: CandidateRegistrationInput): Promise<CandidateSession> {
    const body = { ...input, consent: true };
    return this.signedIn(await this.call(candidateSessionSchema, 'POST', '/candidates/register', { body }));
  }

  async login(mail: string, password: string): Promise<CandidateSession> {
    const body = { mail, password };
    return this.signedIn(await this.call(candidateSessionSchema, 'POST', '/candidates/login', { body }));
  }

  /** The candidate's profiles, oldest first (the rank `apply --profile 2` refers to). */
  profiles(): Promise<CandidateProfile[]> {
    return this.call(z.array(candidateProfileSchema), 'GET', '/candidate/profiles');
  }

  /** A new profile (the platform checks it: 422 naming the field otherwise). */
  addProfile(profile: z.input<typeof profileCreateSchema>): Promise<CandidateProfile> {
    return this.call(candidateProfileSchema, 'POST', '/candidate/profiles', { body: profile });
  }

  async deleteProfile(id: string): Promise<void> {
    await this.call(z.null(), 'DELETE', `/candidate/profiles/${encodeURIComponent(id)}`);
  }

  apply(application: {
    profileId: string;
    offerId: string;
    message: string;
  }): Promise<CandidateApplicationReceipt> {
    return this.call(candidateApplicationReceiptSchema, 'POST', '/candidate/applications', {
      body: application,
    });
  }

  notifications(): Promise<CandidateNotification[]> {
    return this.call(z.array(candidateNotificationSchema), 'GET', '/candidate/notifications');
  }

  async closeAccount(): Promise<void> {
    await this.call(z.null(), 'DELETE', '/candidate/account');
    this.token = null;
  }

  /** The offer "En cours" with this N° d'offre ("Consulter toutes les offres"), if any. */
  async openOfferByNumber(number: number): Promise<PublicOffer | undefined> {
    const page = await this.call(publicOffersPageSchema, 'GET', '/offers/public', { params: { number } });
    return page.offers.find((offer) => offer.number === number);
  }
}
