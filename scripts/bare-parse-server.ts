/**
 * A bare Parse Server for `bench:load` to compare with: the opinions class's fields and
 * indexes, in the same PostgreSQL, under a table prefix of its own, with no Cloud Code, no
 * request limits and no LiveQuery. Run as a child process (`node --import tsx
 * scripts/bare-parse.ts <databaseURL> <port>`): Parse Server sets the process's global Parse
 * SDK to its own app, which in the bench's process would redirect our Cloud Code's queries.
 * Prints its server URL on stdout once it listens (scripts/bare-parse.ts starts it).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { ParseServer } from 'parse-server';
import { opinionsClass } from '../server/schema.ts';
import { BARE } from './bare-parse.ts';

const [databaseURI, port] = process.argv.slice(2);
if (databaseURI === undefined || port === undefined) throw new Error('Usage: bare-parse.ts <databaseURL> <port>');
const serverURL = `http://127.0.0.1:${port}/parse`;
const options = {
  databaseURI,
  collectionPrefix: 'bare_',
  appId: BARE.appId,
  javascriptKey: BARE.javascriptKey,
  masterKey: BARE.masterKey,
  maintenanceKey: randomUUID(),
  serverURL,
  schema: {
    // Open to clients' creates, as a class is by default: ours takes them through its Cloud function.
    definitions: [{ ...opinionsClass, classLevelPermissions: { ...opinionsClass.classLevelPermissions, create: { '*': true } } }],
    lockSchemas: false,
    strict: false,
  },
  allowClientClassCreation: false,
  silent: true,
  logLevel: 'error',
} as unknown as Parameters<typeof ParseServer>[0];
const server = ParseServer(options);
await server.start();
const app = express();
app.use('/parse', server.app);
await new Promise<void>((resolve) => http.createServer(app).listen(Number(port), resolve));
console.log(serverURL);
