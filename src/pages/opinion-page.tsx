export function OpinionPage() {
  return (
    <>
      <title>Opinion · Visitor Opinions</title>
      <h1>Opinion</h1>
      <p>This page is not available yet.</p>
    </>
  );
}
