import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadMessages, MESSAGE_AREAS } from '../../src/i18n/i18n';

afterEach(() => cleanup());

// The app's messages in English, as the page at `/` has them (src/i18n/i18n.ts).
await Promise.all(MESSAGE_AREAS.map((area) => loadMessages('en', area)));
