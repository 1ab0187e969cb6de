export function ResetPasswordPage() {
  return (
    <>
      <title>Reset your password · Visitor Opinions</title>
      <h1>Reset your password</h1>
      <p>This page is not available yet.</p>
    </>
  );
}
