import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { KioskSetupForm } from '../../../src/components/kiosk/kiosk-setup-form';
import { LANGUAGE_CODES } from '../../../src/domain/languages';
import { loadMessages, t } from '../../../src/i18n/i18n';
import { filled } from '../../helpers/messages';

afterAll(() => Promise.all([loadMessages('en', 'shell'), loadMessages('en', 'kiosk')]));

describe.each(LANGUAGE_CODES)('the kiosk set-up in %s', (language) => {
  test('says each problem under its field, its numbers in the language, and starts nothing', async () => {
    await Promise.all([loadMessages(language, 'shell'), loadMessages(language, 'kiosk')]);
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<KioskSetupForm onSubmit={onSubmit} pending={false} error={null} />);
    await user.type(screen.getByLabelText(t('kioskSetup.pin')), '12');
    await user.type(screen.getByLabelText(t('kioskSetup.pinAgain')), '12');
    await user.clear(screen.getByLabelText(t('kioskSetup.thanks')));
    await user.type(screen.getByLabelText(t('kioskSetup.thanks')), '2');
    await user.clear(screen.getByLabelText(t('kioskSetup.idle')));
    await user.type(screen.getByLabelText(t('kioskSetup.idle')), '601');
    await user.click(screen.getByRole('button', { name: t('kioskSetup.submit') }));

    await waitFor(() => expect(document.getElementById('pin-error')).toHaveTextContent(filled(language, 'kioskProblem.pin.length', { min: 4, max: 8 })));
    expect(document.getElementById('pinAgain-error')).toBeNull();
    expect(document.getElementById('thanksResetSeconds-error')).toHaveTextContent(filled(language, 'kioskProblem.thanksResetSeconds.range', { min: 3, max: 60 }));
    expect(document.getElementById('idleResetSeconds-error')).toHaveTextContent(filled(language, 'kioskProblem.idleResetSeconds.range', { min: 20, max: 600 }));
    expect(onSubmit).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText(t('kioskSetup.pin')));
    await user.type(screen.getByLabelText(t('kioskSetup.pin')), '2468');
    await user.click(screen.getByRole('button', { name: t('kioskSetup.submit') }));
    await waitFor(() => expect(document.getElementById('pin-error')).toBeNull());
    expect(document.getElementById('pinAgain-error')).toHaveTextContent(filled(language, 'kioskProblem.pinAgain.different', {}));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
