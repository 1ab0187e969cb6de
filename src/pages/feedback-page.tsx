export function FeedbackPage() {
  return (
    <>
      <title>Leave your opinion · Visitor Opinions</title>
      <h1>Tell us about your visit</h1>
      <p>The feedback form arrives here.</p>
    </>
  );
}
