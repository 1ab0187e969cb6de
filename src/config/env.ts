/** The app's public configuration, read from import.meta.env once and validated. */

export interface AppConfig {
  readonly parseServerURL: string;
  readonly parseAppId: string;
  readonly parseJsKey: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: AppConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

type Env = Record<string, string | boolean | undefined>;

function text(env: Env, name: string, problems: string[]): string {
  const value = env[name];
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${name} is missing.`);
    return '';
  }
  return value.trim();
}

export function readConfig(env: Env): ConfigResult {
  const problems: string[] = [];
  const parseServerURL = text(env, 'VITE_PARSE_SERVER_URL', problems).replace(/\/+$/, '');
  const parseAppId = text(env, 'VITE_PARSE_APP_ID', problems);
  const parseJsKey = text(env, 'VITE_PARSE_JS_KEY', problems);
  if (parseServerURL) {
    let url: URL | undefined;
    try {
      url = new URL(parseServerURL);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      problems.push(`VITE_PARSE_SERVER_URL must be an http(s) URL such as https://parseapi.back4app.com, got "${parseServerURL}".`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: { parseServerURL, parseAppId, parseJsKey } };
}

export const appConfig: ConfigResult = readConfig(import.meta.env);
