/** A small client for Parse Server's REST API with the master key: seeding, scripts and tests. */

export interface ParseRestError {
  code: number;
  error: string;
}

export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface RestClient {
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** The same request, answering the headers too (a Cloud Job's answer is its status id, in a header). */
  exchange<T = unknown>(method: string, path: string, body?: unknown): Promise<{ body: T; headers: Headers }>;
}

export function masterRestClient(serverURL: string, appId: string, masterKey: string): RestClient {
  async function exchange<T>(method: string, path: string, body?: unknown): Promise<{ body: T; headers: Headers }> {
    const response = await fetch(serverURL + path, {
      method,
      headers: {
        'X-Parse-Application-Id': appId,
        'X-Parse-Master-Key': masterKey,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = json as Partial<ParseRestError> | undefined;
      throw new RestError(response.status, error?.code, `${method} ${path}: ${error?.error ?? response.statusText}`);
    }
    return { body: json as T, headers: response.headers };
  }
  return {
    exchange,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      return (await exchange<T>(method, path, body)).body;
    },
  };
}

export const pointer = (className: string, objectId: string) => ({
  __type: 'Pointer',
  className,
  objectId,
});
