import { defineSettings } from '@orgkit/core';

/**
 * The reference server's default settings (`orgkitSettings` of `@orgkit/server`), repeated here so
 * the mocks need no server code in the browser; the contract test checks they still match.
 */
export const defaultMockSettings = defineSettings({
  session_timeout_minutes: {
    type: 'number',
    default: 720,
    min: 5,
    max: 43_200,
    integer: true,
    description: 'Minutes of inactivity before a session ends',
  },
  invitation_ttl_hours: {
    type: 'number',
    default: 168,
    min: 1,
    max: 720,
    integer: true,
    description: 'Hours an invitation link stays valid',
  },
  theme: {
    type: 'enum',
    default: 'system',
    options: ['light', 'dark', 'system'],
    description: 'Colour theme',
  },
  allowed_email_domains: {
    type: 'string[]',
    default: [],
    maxItems: 100,
    description: 'E-mail domains members may be invited from (empty: any)',
  },
});
