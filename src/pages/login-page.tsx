export function LoginPage() {
  return (
    <>
      <title>Log in · Visitor Opinions</title>
      <h1>Log in</h1>
      <p>This page is not available yet.</p>
    </>
  );
}
