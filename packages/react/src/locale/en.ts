import type { OrgkitLocale } from './types.js';

/** English, the default locale. */
export const en: OrgkitLocale = {
  code: 'en',
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    errorTitle: 'Something went wrong',
    unknownError: 'The request failed.',
    forbiddenTitle: 'Not allowed',
    forbidden: 'You do not have permission to see this.',
    signedOut: 'Sign in to continue.',
  },
  permissionGate: {
    denied: 'You do not have permission to do this.',
    checking: 'Checking permissions…',
  },
  orgSwitcher: {
    label: 'Organization',
    placeholder: 'Select an organization',
    searchLabel: 'Search organizations',
    searchPlaceholder: 'Search…',
    noResults: 'No organization matches “{query}”.',
    empty: 'You are not a member of any organization yet.',
    loadError: 'Your organizations could not be loaded.',
    chooseTitle: 'Choose an organization',
    current: 'Current organization',
    createOrganization: 'Create organization',
    kinds: { partner: 'Partner', client: 'Client', standard: 'Organization' },
  },
  roles: {
    owner: 'Owner',
    admin: 'Admin',
    member: 'Member',
    billing_contact: 'Billing contact',
    viewer: 'Viewer',
  },
};
