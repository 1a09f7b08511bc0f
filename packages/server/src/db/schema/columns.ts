import { timestamp } from 'drizzle-orm/pg-core';

/** A `timestamptz` column read as a JS Date. */
export const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `created_at timestamptz not null default now()`. */
export const createdAt = () => tz('created_at').notNull().defaultNow();
