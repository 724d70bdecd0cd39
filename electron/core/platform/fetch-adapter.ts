import axios, { type AxiosAdapter } from 'axios';

/** The part of `fetch` the adapter needs: Electron's `net.fetch` has it, so does a test fake. */
export type FetchLike = (input: Request | string, init?: RequestInit) => Promise<Response>;

/**
 * axios over another `fetch`: in Electron, `net.fetch` (Chromium's network stack, so the
 * system or configured proxy, PAC files and the corporate certificates of the OS store).
 * axios's own fetch adapter does the work (timeouts, aborts, status checks, errors shaped as
 * AxiosError, so the client still tells a network failure from an HTTP answer).
 */
export function fetchAdapter(fetchImpl: FetchLike): AxiosAdapter {
  return (config) => {
    const withFetch = { ...config, env: { ...config.env, fetch: fetchImpl as typeof fetch } };
    return axios.getAdapter('fetch', withFetch)(withFetch);
  };
}
