import { Component, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../app/paths';

/** What a crash or a failed chunk load shows, in place of the page. */
export function RouteErrorPage() {
  return (
    <>
      <title>Something went wrong · Visitor Opinions</title>
      <h1>Sorry, something went wrong</h1>
      <p>
        This page could not be shown. Reloading often helps; if you were typing, what you typed on the feedback form is
        kept.
      </p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <Link to={paths.home()}>Go to the feedback form</Link>
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
