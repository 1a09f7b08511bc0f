import { useMemo } from 'react';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { en } from './en.js';
import { mergeLocale } from './merge-locale.js';
import type { OrgkitLocale } from './types.js';

/** The provider's locale merged over English: every string components show. */
export function useOrgkitLocale(): OrgkitLocale {
  const { locale } = useOrgkitContext('useOrgkitLocale');
  return useMemo(() => mergeLocale(en, locale), [locale]);
}
