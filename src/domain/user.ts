/** An account holder as the app sees them: what the server says, never a client-side flag. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly emailVerified: boolean;
  /** Membership of the staff role, read from the server. */
  readonly isStaff: boolean;
}

/** Staff pages need a verified email on top of the role. */
export function canUseDashboard(user: User | null): boolean {
  return user !== null && user.isStaff && user.emailVerified;
}
