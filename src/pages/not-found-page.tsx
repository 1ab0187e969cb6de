import { Link } from 'react-router-dom';
import { paths } from '../app/paths';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · Visitor Opinions</title>
      <h1>Page not found</h1>
      <p>There is no page at this address. If you typed it, check it for mistakes.</p>
      <p>
        <Link to={paths.home()}>Leave an opinion about your visit</Link>
      </p>
    </>
  );
}
