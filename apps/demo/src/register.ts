import type { DemoPermission } from './catalog.js';

// The host's permissions, so `useCan('projects:update')` type-checks and a typo does not.
declare module '@orgkit/react' {
  interface Register {
    permission: DemoPermission;
  }
}
