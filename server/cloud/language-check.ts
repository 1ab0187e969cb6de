/** The one check of a stored `language` field, opinions' and users' alike. */
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { isLanguage, LANGUAGE_CODES } from '../../src/domain/languages.ts';
import { serverParse } from './parse-global.ts';

const Parse = serverParse();

/** Refuses a language the app does not speak; none at all is allowed (older clients send none). */
export function checkLanguage(language: unknown): void {
  if (language !== undefined && !isLanguage(language)) {
    throw new Parse.Error(OUR_ERROR_CODE.invalidLanguage, `language must be one of ${LANGUAGE_CODES.join(', ')}, or left out.`);
  }
}
