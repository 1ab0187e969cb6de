/*
 * Cloud Code runs with the `Parse` global that Parse Server (or Back4App) provides. The SDK's
 * types describe the client side only, so the server-side triggers we use are declared here.
 */
import type ParseSdk from 'parse/node';

type ParseObject = InstanceType<typeof ParseSdk.Object>;
type ParseUser = InstanceType<typeof ParseSdk.User>;

export interface TriggerRequest {
  object: ParseObject;
  original?: ParseObject;
  master: boolean;
  user?: ParseUser;
  ip: string;
}

export interface FunctionRequest<P = Record<string, unknown>> {
  params: P;
  master: boolean;
  user?: ParseUser;
}

/** A Cloud Job's request: Parse Server runs it on POST /jobs/<name> with the master key only. */
export interface JobRequest {
  params: Record<string, unknown>;
  /** Writes the job's progress into its `_JobStatus` row. */
  message(text: string): void;
}

/** beforeFind (find, get, count) and beforeSubscribe (LiveQuery): who asks. */
export interface ReadRequest {
  master: boolean;
  user?: ParseUser;
  /** beforeFind's query (LiveQuery's beforeSubscribe has one too). */
  query?: { toJSON(): Record<string, unknown> };
}

/** beforeConnect (LiveQuery): who opens a socket. */
export interface ConnectRequest {
  useMasterKey: boolean;
  user?: ParseUser;
}

/** What Parse.Cloud.sendEmail hands the email adapter (server/mail.ts, or Back4App's). */
export interface CloudEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

interface ServerCloud {
  /** Through the server's email adapter; Parse Server logs and skips it when there is none. */
  sendEmail(email: CloudEmail): Promise<void> | undefined;
  beforeFind(className: string, handler: (request: ReadRequest) => unknown): void;
  beforeSubscribe(className: string, handler: (request: ReadRequest) => unknown): void;
  beforeConnect(handler: (request: ConnectRequest) => unknown): void;
  beforeSave(className: string, handler: (request: TriggerRequest) => unknown): void;
  beforeDelete(className: string, handler: (request: TriggerRequest) => unknown): void;
  afterSave(className: string, handler: (request: TriggerRequest) => unknown): void;
  afterDelete(className: string, handler: (request: TriggerRequest) => unknown): void;
  define<P>(name: string, handler: (request: FunctionRequest<P>) => unknown): void;
  job(name: string, handler: (request: JobRequest) => unknown): void;
}

export type ServerParse = Omit<typeof ParseSdk, 'Cloud'> & { Cloud: ServerCloud };

export function serverParse(): ServerParse {
  return (globalThis as unknown as { Parse: ServerParse }).Parse;
}
