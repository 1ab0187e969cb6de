/**
 * A request to Parse Server's REST API made as the SDK makes it (a POST whose text/plain JSON
 * body carries the keys, so no CORS preflight), without the SDK: the visitor's form sends its
 * opinion so and never loads the SDK (80 KB, not tree-shakable, half of what `/` would need).
 * Its answers and refusals read as the SDK's do (early-calls.ts), so toAppError knows them.
 */
import { appConfig } from '../config/env';
import { appError } from '../domain/errors';
import { restBody } from './early-calls';

export async function restRequest(path: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!appConfig.ok) throw appError('configuration');
  const { parseServerURL, parseAppId, parseJsKey } = appConfig.config;
  const response = await fetch(`${parseServerURL}/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ ...params, _ApplicationId: parseAppId, _JavaScriptKey: parseJsKey }),
  });
  return restBody({ status: response.status, text: await response.text() });
}
