export * from './invitations.js';
export * from './organizations.js';
export * from './platform.js';
export * from './users.js';
