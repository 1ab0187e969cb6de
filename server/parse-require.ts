/**
 * `require` from inside Parse Server's package: its own copies of its dependencies (`router`,
 * `ws`) and its modules (`./batch.js`), so that what runs in front of Parse reads requests the
 * way Parse does.
 */
import { createRequire } from 'node:module';

export const parseRequire = createRequire(createRequire(import.meta.url).resolve('parse-server'));
