/** Shown instead of the app when its public configuration is missing or malformed. */
export function ConfigErrorPage({ problems }: { problems: readonly string[] }) {
  return (
    <main id="main" className="page">
      <title>Configuration error · Visitor Opinions</title>
      <h1>This app is not configured correctly</h1>
      <p>It cannot reach its server until these settings are fixed:</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <p>
        Set them as environment variables when building the app (see “Configuration” in the README), then build and
        deploy again.
      </p>
    </main>
  );
}
