import { defineSettings } from '../settings/resolve-settings.js';

/**
 * Orgkit's default settings: typed keys with platform defaults that orgs, groups and members may
 * override (the settings waterfall). Hosts pass their own `settings` option to replace them.
 */
export const orgkitSettings = defineSettings({
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
