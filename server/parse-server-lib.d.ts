// parse-server ships no types for its storage adapters' deep paths.
declare module 'parse-server/lib/Adapters/Storage/Postgres/PostgresStorageAdapter.js' {
  export class PostgresStorageAdapter {
    constructor(options: { uri: string; collectionPrefix?: string; databaseOptions?: Record<string, unknown> });
    handleShutdown(): Promise<void> | void;
    count(className: string, schema: unknown, query: unknown, readPreference: unknown, estimate?: boolean, ...rest: unknown[]): Promise<number>;
  }
}
