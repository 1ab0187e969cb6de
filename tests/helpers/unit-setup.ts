import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { DEFAULT_VENUE_SETTINGS } from '../../src/domain/venue';
import { loadMessages, MESSAGE_AREAS } from '../../src/i18n/i18n';

afterEach(() => cleanup());

// Every page shows the venue's name, asked of the server once idle (src/queries/venue.ts): unit
// tests answer it at the parse boundary, as a venue that has not named itself.
vi.mock('../../src/parse/venue', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/parse/venue')>()),
  fetchPublicVenue: vi.fn(async () => ({ name: DEFAULT_VENUE_SETTINGS.name })),
}));

// The app's messages in English, as the page at `/` has them (src/i18n/i18n.ts).
await Promise.all(MESSAGE_AREAS.map((area) => loadMessages('en', area)));
