export function AccountPage() {
  return (
    <>
      <title>Your account · Visitor Opinions</title>
      <h1>Your account</h1>
      <p>This page is not available yet.</p>
    </>
  );
}
