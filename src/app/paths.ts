/** Every route of the app, and the href builders that are the only way to link to them. */
export const paths = {
  home: () => '/',
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  signup: () => '/signup',
  resetPassword: () => '/reset-password',
  verifyEmail: () => '/verify-email',
  account: () => '/account',
  dashboard: (search = '') => `/dashboard${search && !search.startsWith('?') ? `?${search}` : search}`,
  opinion: (id: string) => `/dashboard/opinions/${encodeURIComponent(id)}`,
} as const;

export const routePatterns = {
  home: '/',
  login: '/login',
  signup: '/signup',
  resetPassword: '/reset-password',
  verifyEmail: '/verify-email',
  account: '/account',
  dashboard: '/dashboard',
  opinion: '/dashboard/opinions/:id',
} as const;
