import type { SafeStorage } from 'electron';
import type { SecretCodec } from '../core/secrets';

/** Secrets encrypted by the OS (Keychain, DPAPI, libsecret) through Electron's safeStorage. */
export function safeStorageCodec(
  safeStorage: Pick<SafeStorage, 'encryptString' | 'decryptString'>,
): SecretCodec {
  return {
    encode: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decode: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}
