import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router-dom';
import { useOutboxSync } from '../queries/outbox';
import { paths } from './paths';

export function Layout() {
  useOutboxSync();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={paths.home()} className="site-header__brand">
            Visitor Opinions
          </Link>
          <nav aria-label="Main">
            <ul className="site-nav">
              <li>
                <NavLink to={paths.home()} end>
                  Leave an opinion
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.dashboard()}>Dashboard</NavLink>
              </li>
              <li>
                <NavLink to={paths.login()}>Log in</NavLink>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <ScrollRestoration />
    </>
  );
}
