export function VerifyEmailPage() {
  return (
    <>
      <title>Verify your email · Visitor Opinions</title>
      <h1>Verify your email</h1>
      <p>This page is not available yet.</p>
    </>
  );
}
