import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { getOutbox } from '../../../src/device/outbox';
import { appError } from '../../../src/domain/errors';
import { createOpinion } from '../../../src/parse/opinions';
import { renderApp } from '../../helpers/render-app';
import { submissionIdFor } from '../../../src/domain/submission-id';

// The unit boundary: no Parse SDK, no server. The real server is exercised by the browser tests.
vi.mock('../../../src/parse/opinions', () => ({ createOpinion: vi.fn() }));
vi.mock('../../../src/parse/client', () => ({ preloadParse: vi.fn(), getParse: vi.fn() }));
const create = vi.mocked(createOpinion);

async function fillAndSend(user: ReturnType<typeof userEvent.setup>, comment = 'Great cake') {
  await user.type(await screen.findByLabelText('Your comment'), comment);
  await user.click(screen.getByRole('radio', { name: 'Yes' }));
  await user.click(screen.getByRole('button', { name: 'Send my opinion' }));
}

beforeEach(async () => {
  localStorage.clear();
  sessionStorage.clear();
  for (const entry of await getOutbox().list()) await getOutbox().remove(entry.submissionId);
});
afterEach(() => create.mockReset());

describe('the feedback page', () => {
  test('sends the opinion once, thanks the visitor and starts a fresh draft', async () => {
    create.mockResolvedValue(undefined);
    const user = userEvent.setup();
    renderApp('/');
    await fillAndSend(user);
    expect(await screen.findByRole('heading', { name: 'Thank you for your opinion' })).toHaveFocus();
    expect(create).toHaveBeenCalledTimes(1);
    const sent = create.mock.calls[0]?.[0];
    expect(sent).toMatchObject({ name: '', comment: 'Great cake', willReturn: true });
    expect(sent?.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(localStorage.getItem('visitor-opinions:draft')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Leave another opinion' }));
    expect(screen.getByLabelText('Your comment')).toHaveValue('');
  });

  test('a double click sends one opinion', async () => {
    let finish: () => void = () => undefined;
    create.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    const user = userEvent.setup();
    renderApp('/');
    await fillAndSend(user);
    await user.click(screen.getByRole('button', { name: /Send/ }));
    await user.keyboard('{Enter}');
    finish();
    await screen.findByRole('heading', { name: 'Thank you for your opinion' });
    expect(create).toHaveBeenCalledTimes(1);
  });

  test('keeps the draft across a reload, with the same submission id', async () => {
    const user = userEvent.setup();
    const first = renderApp('/');
    await user.type(await screen.findByLabelText('Your name (optional)'), 'Mei');
    await user.type(screen.getByLabelText('Your comment'), 'Half typed');
    const stored = JSON.parse(localStorage.getItem('visitor-opinions:draft') ?? '{}') as { submissionId: string };
    first.unmount();

    renderApp('/');
    expect(await screen.findByLabelText('Your comment')).toHaveValue('Half typed');
    expect(screen.getByLabelText('Your name (optional)')).toHaveValue('Mei');
    create.mockResolvedValue(undefined);
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Send my opinion' }));
    await screen.findByRole('heading', { name: 'Thank you for your opinion' });
    // The draft's id, bound to what it says (the same after the reload: sent once).
    expect(create.mock.calls[0]?.[0].submissionId).toBe(
      submissionIdFor(stored.submissionId, { name: 'Mei', comment: 'Half typed', willReturn: false }),
    );
  });

  test('what another tab typed into the shared draft while this one sent stays on the device', async () => {
    const otherTab = { name: '', comment: 'Typed in the other tab', willReturn: null };
    create.mockImplementation(async () => {
      // The other tab of this device keeps typing into the same draft meanwhile.
      const stored = JSON.parse(localStorage.getItem('visitor-opinions:draft') ?? '{}') as { submissionId: string };
      localStorage.setItem('visitor-opinions:draft', JSON.stringify({ ...otherTab, submissionId: stored.submissionId }));
    });
    const user = userEvent.setup();
    renderApp('/');
    await fillAndSend(user, 'Sent from this tab');
    await screen.findByRole('heading', { name: 'Thank you for your opinion' });
    const kept = () => JSON.parse(localStorage.getItem('visitor-opinions:draft') ?? 'null') as unknown;
    expect(kept()).toMatchObject(otherTab);

    await user.click(screen.getByRole('button', { name: 'Leave another opinion' }));
    expect(screen.getByLabelText('Your comment')).toHaveValue('');
    expect(kept()).toMatchObject(otherTab);
  });

  test.each([
    ['offline', 'the network is down'],
    ['timeout', 'the server does not answer in time'],
    ['server', 'the server answers 5xx'],
    ['rate-limited', 'the server answers 429'],
  ] as const)('keeps the opinion in the outbox when %s (%s)', async (kind, _why) => {
    create.mockRejectedValue(appError(kind));
    const user = userEvent.setup();
    renderApp('/');
    await fillAndSend(user, `Queued when ${kind}`);
    expect(await screen.findByRole('heading', { name: 'Your opinion is saved on this device' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/1 opinion is saved on this device and will be sent/)).toBeInTheDocument());
    const entries = await getOutbox().list();
    expect(entries.map((entry) => entry.opinion.comment)).toEqual([`Queued when ${kind}`]);
  });

  test('puts the server’s validation errors on the fields and keeps what was typed', async () => {
    create.mockRejectedValue(appError('validation', { comment: 'Comment contains characters we cannot store.' }));
    const user = userEvent.setup();
    renderApp('/');
    await fillAndSend(user, 'Odd text');
    expect(await screen.findByRole('link', { name: 'Comment contains characters we cannot store.' })).toBeInTheDocument();
    expect(screen.getByLabelText('Your comment')).toHaveValue('Odd text');
    expect(await getOutbox().list()).toEqual([]);
  });

  test('a bot that fills the honeypot is thanked and nothing is sent', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.type(await screen.findByLabelText('Your comment'), 'Buy now');
    await user.type(document.getElementById('website') as HTMLInputElement, 'spam');
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Send my opinion' }));
    await screen.findByRole('heading', { name: 'Thank you for your opinion' });
    expect(create).not.toHaveBeenCalled();
  });
});

test('an opinion the server refused from the outbox goes back into the form, and out of the outbox', async () => {
  await getOutbox().add('refused-1', { name: 'Mei', comment: 'Refused once', willReturn: true });
  create.mockRejectedValue(appError('validation', { comment: 'Too long' }));
  const user = userEvent.setup();
  renderApp('/');
  // At app start the outbox is sent: the server refuses this one.
  const refused = await screen.findByText(/An opinion saved on this device could not be sent/, undefined, { timeout: 5_000 });
  await user.click(within(refused.closest('div') ?? document.body).getByRole('button', { name: 'Put it back in the form' }));
  expect(screen.getByLabelText('Your comment')).toHaveValue('Refused once');
  await waitFor(() => expect(screen.queryByText(/An opinion saved on this device could not be sent/)).toBeNull());
  expect(await getOutbox().list()).toEqual([]);
});
