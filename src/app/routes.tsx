import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './layout';
import { routePatterns } from './paths';

/*
 * The one route table. Every page is its own chunk, so that account and staff code never loads
 * for a visitor, and the visitor's form (prerendered, typeable before any script) hydrates
 * when its code arrives, after the shell's (see prerendered-form.ts). The layout shows a
 * page's loading and its errors.
 */
const FeedbackPage = lazy(() => import('../pages/feedback-page').then((m) => ({ default: m.FeedbackPage })));
const LoginPage = lazy(() => import('../pages/login-page').then((m) => ({ default: m.LoginPage })));
const SignupPage = lazy(() => import('../pages/signup-page').then((m) => ({ default: m.SignupPage })));
const ResetPasswordPage = lazy(() => import('../pages/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));
const VerifyEmailPage = lazy(() => import('../pages/verify-email-page').then((m) => ({ default: m.VerifyEmailPage })));
const AccountPage = lazy(() => import('../pages/account-page').then((m) => ({ default: m.AccountPage })));
const DashboardPage = lazy(() => import('../pages/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const NotFoundPage = lazy(() => import('../pages/not-found-page').then((m) => ({ default: m.NotFoundPage })));
const OpinionPage = lazy(() => import('../pages/opinion-page').then((m) => ({ default: m.OpinionPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path={routePatterns.home} element={<FeedbackPage />} />
        <Route path={routePatterns.login} element={<LoginPage />} />
        <Route path={routePatterns.signup} element={<SignupPage />} />
        <Route path={routePatterns.resetPassword} element={<ResetPasswordPage />} />
        <Route path={routePatterns.verifyEmail} element={<VerifyEmailPage />} />
        <Route path={routePatterns.account} element={<AccountPage />} />
        <Route path={routePatterns.dashboard} element={<DashboardPage />} />
        <Route path={routePatterns.opinion} element={<OpinionPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
