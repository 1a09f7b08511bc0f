import type { components } from './generated/schema.js';

/** Every named schema of the API, e.g. `Schemas['User']`. */
export type Schemas = components['schemas'];
