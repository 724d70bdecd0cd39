import type { SecretStore } from '../secrets';

type Ask = (question: string, ...args: unknown[]) => Promise<unknown>;

/**
 * Secrets kept by the host: in Electron only the main process may use safeStorage, so the core
 * process asks it for each read and write (the main process owns the encrypted file).
 */
export function hostSecretStore(ask: Ask): SecretStore {
  return {
    get: async (name) => {
      const value = await ask('secrets.get', name);
      return typeof value === 'string' ? value : null;
    },
    set: async (name, value) => {
      await ask('secrets.set', name, value);
    },
    delete: async (name) => {
      await ask('secrets.delete', name);
    },
  };
}

/** What the host answers to hostSecretStore's questions, from its own store. */
export function secretAnswers(store: SecretStore) {
  return {
    'secrets.get': (name: string) => store.get(name),
    'secrets.set': (name: string, value: string) => store.set(name, value),
    'secrets.delete': (name: string) => store.delete(name),
  };
}
