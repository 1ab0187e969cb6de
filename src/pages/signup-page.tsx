export function SignupPage() {
  return (
    <>
      <title>Create an account · Visitor Opinions</title>
      <h1>Create an account</h1>
      <p>This page is not available yet.</p>
    </>
  );
}
