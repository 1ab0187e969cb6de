// parse-server ships no types for its storage adapters' deep paths.
declare module 'parse-server/lib/Adapters/Storage/Postgres/PostgresStorageAdapter.js' {
  export class PostgresStorageAdapter {
    constructor(options: { uri: string; collectionPrefix?: string; databaseOptions?: Record<string, unknown> });
    /** pg-promise's database object. */
    protected _client: { none(query: string): Promise<null>; one(query: string, values: unknown, map: unknown): Promise<number> };
    handleShutdown(): Promise<void> | void;
    performInitialization(options: unknown): Promise<void>;
    count(className: string, schema: unknown, query: unknown, readPreference: unknown, estimate?: boolean, hint?: unknown, comment?: unknown): Promise<number>;
  }
}

// Parse's cache in Redis, shared by the instances of a cluster (server/cluster.ts).
declare module 'parse-server/lib/Adapters/Cache/RedisCacheAdapter.js' {
  export class RedisCacheAdapter {
    constructor(options: { url: string }, ttl?: number);
  }
}

// Used by the tests to see what MongoDB would receive from Parse's aggregate (tests/helpers/mongo-aggregate.ts).
declare module 'parse-server/lib/Adapters/Storage/Mongo/MongoStorageAdapter.js' {
  export class MongoStorageAdapter {
    constructor(options: { uri: string });
    _adaptiveCollection(name: string): Promise<{ aggregate(pipeline: object[]): Promise<object[]> }>;
    aggregate(className: string, schema: { fields: Record<string, { type: string }> }, pipeline: object[]): Promise<Record<string, unknown>[]>;
  }
}

declare module 'parse-server/lib/Routers/AggregateRouter.js' {
  export class AggregateRouter {
    static getPipeline(body: { pipeline: unknown }): object[];
  }
}

// Parse's CORS middleware, so that answers given in front of Parse carry the same headers.
declare module 'parse-server/lib/middlewares.js' {
  import type { RequestHandler } from 'express';
  export function allowCrossDomain(appId: string): RequestHandler;
}

// Parse's file logger, which server/log-adapter.ts extends to leave inputs out of the lines.
declare module 'parse-server/lib/Adapters/Logger/WinstonLoggerAdapter.js' {
  export class WinstonLoggerAdapter {
    constructor(options?: Record<string, unknown>);
    log(level: string, message: unknown, ...meta: unknown[]): unknown;
  }
}

// LiveQuery's WebSocket server, which server/live-query-sockets.ts gives a frame limit.
declare module 'parse-server/lib/Adapters/WebSocketServer/WSAdapter.js' {
  export class WSAdapter {
    constructor(options: { server: unknown });
    options: { server: unknown };
    onListen: () => void;
    onConnection: (socket: unknown) => void;
    onError: (error: unknown) => void;
    start(): void;
  }
}
