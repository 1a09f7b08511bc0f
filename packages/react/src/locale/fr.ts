import type { OrgkitLocale } from './types.js';

/** French: an example second locale. */
export const fr: OrgkitLocale = {
  code: 'fr',
  common: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    errorTitle: 'Une erreur est survenue',
    unknownError: 'La requête a échoué.',
    forbiddenTitle: 'Accès refusé',
    forbidden: 'Vous n’avez pas la permission de voir ceci.',
    signedOut: 'Connectez-vous pour continuer.',
  },
  permissionGate: {
    denied: 'Vous n’avez pas la permission de faire ceci.',
    checking: 'Vérification des permissions…',
  },
  orgSwitcher: {
    label: 'Organisation',
    placeholder: 'Choisir une organisation',
    searchLabel: 'Rechercher une organisation',
    searchPlaceholder: 'Rechercher…',
    noResults: 'Aucune organisation ne correspond à « {query} ».',
    empty: 'Vous n’êtes membre d’aucune organisation pour l’instant.',
    loadError: 'Vos organisations n’ont pas pu être chargées.',
    chooseTitle: 'Choisissez une organisation',
    current: 'Organisation actuelle',
    createOrganization: 'Créer une organisation',
    kinds: { partner: 'Partenaire', client: 'Client', standard: 'Organisation' },
  },
  roles: {
    owner: 'Propriétaire',
    admin: 'Administrateur',
    member: 'Membre',
    billing_contact: 'Contact facturation',
    viewer: 'Lecteur',
  },
};
