/** Account status of a user (architecture §2). Only active users are allowed anything. */
export type UserStatus = 'invited' | 'active' | 'disabled';

/** Who is asking. */
export interface Subject {
  readonly userId: string;
  readonly status: UserStatus;
  /** Platform admins act in every org with every permission (a "Super Admin"). */
  readonly platformAdmin?: boolean;
}

/** How a role reached the subject. */
export type AssignmentSource =
  | { readonly kind: 'direct' }
  | { readonly kind: 'group'; readonly groupId: string; readonly groupName?: string };

/** A role held by the subject in some org, directly or through a group. */
export interface RoleAssignment {
  readonly orgId: string;
  readonly roleKey: string;
  readonly source: AssignmentSource;
}

/**
 * Everything needed to decide what the subject may do in `orgId`: the server loads it with a
 * handful of indexed queries; the in-memory model derives it from its maps.
 */
export interface AccessQuery {
  readonly subject: Subject;
  readonly orgId: string;
  /** Ancestors of `orgId`, nearest first (parent, grandparent, …, root). */
  readonly ancestors: readonly string[];
  /** Is the subject a member of `orgId` itself? */
  readonly member: boolean;
  /** Roles held in `orgId` and in its ancestors; others are ignored. */
  readonly assignments: readonly RoleAssignment[];
}
