import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';
import { paths } from '../app/paths';

/** The error element of each branch of the route table: what a crash or a failed chunk load shows. */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="page">
      <title>Something went wrong · Visitor Opinions</title>
      <h1>{notFound ? 'Page not found' : 'Sorry, something went wrong'}</h1>
      <p>
        {notFound
          ? 'There is no page at this address.'
          : 'This page could not be shown. Reloading often helps; if you were typing, what you typed on the feedback form is kept.'}
      </p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <Link to={paths.home()}>Go to the feedback form</Link>
      </p>
    </main>
  );
}
