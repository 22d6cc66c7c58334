import './phone.css';

/** Waiting, said in words (role="status") beside a spinner. */
export function Spinner({ label }: { label: string }) {
  return (
    <div className="phone-spinner-status" role="status">
      <span className="phone-spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
