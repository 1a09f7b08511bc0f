import type { HostPermission } from './catalog.js';

// The host's permissions, so `useCan('projects:deploy')` type-checks and a typo does not.
declare module '@orgkit/react' {
  interface Register {
    permission: HostPermission;
  }
}
