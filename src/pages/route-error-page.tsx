import { Component, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../app/paths';
import { t } from '../i18n/i18n';

/** What a crash or a failed chunk load shows, in place of the page. */
export function RouteErrorPage() {
  return (
    <>
      <title>{t('title.error', { app: t('app.name') })}</title>
      <h1>{t('routeError.heading')}</h1>
      <p>{t('routeError.body')}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>{' '}
        <Link to={paths.home()}>{t('routeError.home')}</Link>
      </p>
    </>
  );
}

interface BoundaryProps {
  /** The page's path: going to another page clears the error. */
  readonly pathname: string;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly failed: boolean;
  readonly pathname: string;
}

/** Catches what a page throws while rendering (a failed chunk load included) and shows RouteErrorPage. */
export class RouteErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, pathname: this.props.pathname };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.pathname === state.pathname ? null : { failed: false, pathname: props.pathname };
  }

  override render() {
    return this.state.failed ? <RouteErrorPage /> : this.props.children;
  }
}
