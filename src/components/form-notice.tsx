/** A failure of the whole form (offline, locked…), in words, above the form. */
export function FormNotice({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
    </div>
  );
}
