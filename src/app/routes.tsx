import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { FeedbackPage } from '../pages/feedback-page';
import { NotFoundPage } from '../pages/not-found-page';
import { RouteErrorPage } from '../pages/route-error-page';
import { Layout } from './layout';
import { routePatterns } from './paths';

/*
 * The one route table. The visitor's form is in the entry chunk; every other page is its
 * own chunk, so that account and staff code never loads for a visitor.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: routePatterns.home, element: <FeedbackPage /> },
      {
        errorElement: <RouteErrorPage />,
        children: [
          { path: routePatterns.login, lazy: () => import('../pages/login-page').then((m) => ({ Component: m.LoginPage })) },
          { path: routePatterns.signup, lazy: () => import('../pages/signup-page').then((m) => ({ Component: m.SignupPage })) },
          {
            path: routePatterns.resetPassword,
            lazy: () => import('../pages/reset-password-page').then((m) => ({ Component: m.ResetPasswordPage })),
          },
          {
            path: routePatterns.verifyEmail,
            lazy: () => import('../pages/verify-email-page').then((m) => ({ Component: m.VerifyEmailPage })),
          },
          { path: routePatterns.account, lazy: () => import('../pages/account-page').then((m) => ({ Component: m.AccountPage })) },
        ],
      },
      {
        errorElement: <RouteErrorPage />,
        children: [
          {
            path: routePatterns.dashboard,
            lazy: () => import('../pages/dashboard-page').then((m) => ({ Component: m.DashboardPage })),
          },
          {
            path: routePatterns.opinion,
            lazy: () => import('../pages/opinion-page').then((m) => ({ Component: m.OpinionPage })),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' });
}
