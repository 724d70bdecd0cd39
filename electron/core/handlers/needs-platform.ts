import { AppError } from '../../../shared/ipc/errors';

/** Turns "offline" into a sentence saying what cannot be done without the platform. */
export function needsPlatform(what: string) {
  return (error: unknown): never => {
    if (error instanceof AppError && error.code === 'offline') {
      throw new AppError(
        'offline',
        `${what} nécessite la plateforme, qui est injoignable. Vérifiez votre connexion internet, puis réessayez.`,
      );
    }
    throw error;
  };
}
