/**
 * A request to Parse Server's REST API made as the SDK makes it (wire.ts), without the SDK: the
 * visitor's form sends its opinion so and never loads the SDK (80 KB, not tree-shakable, half
 * of what `/` would need). Its answers and refusals read as the SDK's do, so toAppError knows them.
 */
import { appConfig } from '../config/env';
import { appError } from '../domain/errors';
import { restBody, restRequest as request } from './wire';

export async function restRequest(path: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!appConfig.ok) throw appError('configuration');
  const { parseServerURL, parseAppId, parseJsKey } = appConfig.config;
  const response = await fetch(...request({ url: parseServerURL, appId: parseAppId, javascriptKey: parseJsKey }, path, params));
  return restBody({ status: response.status, text: await response.text() });
}
