import { useState, type ReactNode } from 'react';

/**
 * A chart's numbers under a closed "Show the numbers": its table (a component of its own, which
 * works out what only it shows) is rendered when it is first opened, not with the chart. Closed, it would be hundreds of hidden elements (a row a day, a
 * cell an hour) that the dashboard renders and styles on every load and every new filter.
 */
export function NumbersDetails({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="stats__table" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
