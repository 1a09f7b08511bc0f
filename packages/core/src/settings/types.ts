/** The levels of the settings waterfall, from the top. */
export type SettingLevel = 'platform' | 'org' | 'group' | 'user';

/** A typed setting with a platform default. */
export type SettingSpec =
  | { readonly type: 'boolean'; readonly default: boolean; readonly description?: string }
  | {
      readonly type: 'number';
      readonly default: number;
      readonly min?: number;
      readonly max?: number;
      readonly integer?: boolean;
      readonly description?: string;
    }
  | {
      readonly type: 'string';
      readonly default: string;
      readonly maxLength?: number;
      readonly description?: string;
    }
  | {
      readonly type: 'enum';
      readonly default: string;
      readonly options: readonly string[];
      readonly description?: string;
    }
  | {
      readonly type: 'string[]';
      readonly default: readonly string[];
      readonly maxItems?: number;
      readonly description?: string;
    };

/** A declaration of settings keyed by name. */
export interface SettingsSpec {
  readonly [key: string]: SettingSpec;
}

/** The value type a setting spec holds. */
export type SettingValue<S extends SettingSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'number' }
    ? number
    : S extends { type: 'string[]' }
      ? readonly string[]
      : S extends { type: 'enum'; options: readonly (infer O)[] }
        ? O
        : string;

/** One level of the chain a setting is resolved along, e.g. `{ level: 'org', id: 'acme' }`. */
export interface SettingScope {
  readonly level: SettingLevel;
  /** Absent for the platform level. */
  readonly id?: string;
}

/** A value set at one level; `locked` stops every level below from overriding it. */
export interface SettingOverride {
  readonly key: string;
  readonly scope: SettingScope;
  readonly value: unknown;
  readonly locked?: boolean;
}

/** An effective value and where it came from. */
export interface ResolvedSetting<V = unknown> {
  readonly key: string;
  readonly value: V;
  /** The level that set the value; `{ level: 'platform' }` with `isDefault` for the code default. */
  readonly source: SettingScope;
  readonly isDefault: boolean;
  /** The level whose lock fixes this value, if any. */
  readonly lockedBy?: SettingScope;
  /** Overrides below the lock that were ignored because of it. */
  readonly shadowed: readonly SettingScope[];
  /**
   * Stored values the spec no longer accepts (e.g. its `max` was lowered after they were set),
   * skipped in resolution; a lock set with such a value still holds.
   */
  readonly invalid?: readonly { readonly scope: SettingScope; readonly message: string }[];
}
