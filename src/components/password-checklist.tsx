import { PASSWORD_MIN_LENGTH, PASSWORD_RULES } from '../domain/password';
import { t } from '../i18n/i18n';

const RULE_TEXT = {
  length: 'password.rule.length',
  upper: 'password.rule.upper',
  lower: 'password.rule.lower',
  digit: 'password.rule.digit',
} as const satisfies Record<(typeof PASSWORD_RULES)[number]['id'], string>;

/** The password rule as a checklist that ticks itself as the user types. */
export function PasswordChecklist({ id, password }: { id: string; password: string }) {
  return (
    <div className="checklist">
      <span id={`${id}-title`} className="checklist__title">
        {t('password.rules')}
      </span>
      <ul id={id} aria-labelledby={`${id}-title`}>
        {PASSWORD_RULES.map((rule) => {
          const met = rule.test(password);
          return (
            <li key={rule.id} className={met ? 'checklist__item checklist__item--met' : 'checklist__item'}>
              <span aria-hidden="true" className="checklist__mark">
                {met ? '✓' : '•'}
              </span>
              {t(RULE_TEXT[rule.id], { min: PASSWORD_MIN_LENGTH })}
              <span className="visually-hidden">{met ? t('password.rule.met') : t('password.rule.unmet')}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
