/** `pnpm --filter @orgkit/host-check refresh-lock`: regenerates examples/host/package-lock.json. */
import { refreshLock } from './host.js';

refreshLock();
console.log('examples/host/package-lock.json refreshed');
