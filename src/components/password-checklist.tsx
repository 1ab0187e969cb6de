import { PASSWORD_RULES } from '../domain/password';

/** The password rule as a checklist that ticks itself as the user types. */
export function PasswordChecklist({ id, password }: { id: string; password: string }) {
  return (
    <div className="checklist">
      <span id={`${id}-title`} className="checklist__title">
        Your password needs:
      </span>
      <ul id={id} aria-labelledby={`${id}-title`}>
        {PASSWORD_RULES.map((rule) => {
          const met = rule.test(password);
          return (
            <li key={rule.id} className={met ? 'checklist__item checklist__item--met' : 'checklist__item'}>
              <span aria-hidden="true" className="checklist__mark">
                {met ? '✓' : '•'}
              </span>
              {rule.label}
              <span className="visually-hidden">{met ? ': done' : ': not yet'}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
