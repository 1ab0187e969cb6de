export function DashboardPage() {
  return (
    <>
      <title>Opinions · Visitor Opinions</title>
      <h1>Opinions</h1>
      <p>This page is not available yet.</p>
    </>
  );
}
