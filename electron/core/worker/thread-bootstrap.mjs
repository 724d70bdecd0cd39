// A worker thread starts without the host's loaders: register tsx so that the core's
// TypeScript sources load as they do under `tsx` in the host.
import { register } from 'tsx/esm/api';

register();
await import('./thread-entry.ts');
