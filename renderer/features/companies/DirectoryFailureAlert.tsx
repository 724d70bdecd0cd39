import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import type { SiretLookup } from './useSiretLookup';

/** A failed look-up in the company directory (other than about the number itself), with a retry. */
export function DirectoryFailureAlert({ directory }: { directory: SiretLookup }) {
  if (!directory.failure) return null;
  return (
    <ErrorAlert
      message={messageOf(directory.failure)}
      onRetry={directory.retry}
      retrying={directory.fetching}
    />
  );
}
