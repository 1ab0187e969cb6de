/**
 * Parse's aggregate as a MongoDB-backed server (Back4App) runs it, without a MongoDB: Parse's
 * own AggregateRouter and MongoStorageAdapter turn the pipeline into what MongoDB would
 * receive, and mingo (MongoDB's query language in JavaScript) runs that over the opinions of
 * the test stack's PostgreSQL, stored the way Parse stores them in MongoDB.
 */
import { aggregate } from 'mingo';
import { MongoStorageAdapter } from 'parse-server/lib/Adapters/Storage/Mongo/MongoStorageAdapter.js';
import { AggregateRouter } from 'parse-server/lib/Routers/AggregateRouter.js';
import type { RunPipeline } from '../../server/dashboard-stats.ts';
import { stack, withDatabase } from './dashboard-data.ts';
import { asMaster } from './parse-rest.ts';

interface OpinionRow {
  objectId: string;
  createdAt: Date;
  updatedAt: Date;
  name: string | null;
  comment: string | null;
  willReturn: boolean | null;
  reviewed: boolean | null;
  language: string | null;
}

/** Parse's MongoDB documents leave unset fields out and keep their times in _created_at and _updated_at. */
function asMongoDocument(row: OpinionRow): Record<string, unknown> {
  const document: Record<string, unknown> = { _id: row.objectId, _created_at: row.createdAt, _updated_at: row.updatedAt };
  for (const field of ['name', 'comment', 'willReturn', 'reviewed', 'language'] as const) {
    if (row[field] !== null) document[field] = row[field];
  }
  return document;
}

/** A pipeline runner over a snapshot of every opinion stored now. */
export async function mongoAggregateOverOpinions(): Promise<RunPipeline> {
  const rows = await withDatabase(
    async (client) =>
      (
        await client.query<OpinionRow>(
          'SELECT "objectId", "createdAt", "updatedAt", "name", "comment", "willReturn", "reviewed", "language" FROM "opinions"',
        )
      ).rows,
  );
  const documents = rows.map(asMongoDocument);
  const { body: schema } = await asMaster(stack)<{ fields: Record<string, { type: string }> }>('GET', '/schemas/opinions');

  const adapter = new MongoStorageAdapter({ uri: 'mongodb://127.0.0.1:9/never-connected' });
  adapter._adaptiveCollection = async () => ({
    aggregate: async (pipeline: object[]) => aggregate(documents, pipeline as Record<string, unknown>[]) as object[],
  });
  return async (pipeline) => {
    // What the SDK sends is JSON: dates become strings, as on the way to a real server.
    const sent = JSON.parse(JSON.stringify(pipeline)) as unknown;
    return adapter.aggregate('opinions', schema, AggregateRouter.getPipeline({ pipeline: sent }));
  };
}
