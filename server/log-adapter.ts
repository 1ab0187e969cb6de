/**
 * Parse Server's file logger, without what was sent. Parse writes a trigger's or a Cloud
 * function's input (and result) into its lines: at `error` for every refusal, so a refused
 * opinion's words, a refused sign-up's fields and a function's whole params (a 19 MB upload
 * among them) were kept in the logs for as long as the files; LiveQuery writes session tokens
 * and frames that are not JSON. Here a line keeps what failed, for whom and with which error
 * (its stack in the entry), and says what was left out.
 */
import { WinstonLoggerAdapter } from 'parse-server/lib/Adapters/Logger/WinstonLoggerAdapter.js';

/** Parse's lines: "…:\n  Input: {…}\n  Result: {…}" or "…:\n  Input: {…}\n  Error: {…}". */
const INPUT = /\n {2}Input: [\s\S]*?(?=\n {2}Error: |$)/;
export const LEFT_OUT = '\n  Input: (left out of the logs)';
/** The entry's fields that hold what was sent or answered. */
const SENT = new Set(['params', 'result', 'input', 'object', 'original']);
/** A session token, which LiveQuery writes into its refusals ("… for session r:…"). */
const SESSION_TOKEN = /\br:[0-9a-f]{32}\b/gi;
/** LiveQuery's lines whose extra values are a frame as it was sent (up to 64 KB of anything). */
const RAW_FRAME = /^unable to parse (request|message)$/;

export function withoutInput(message: unknown): unknown {
  return typeof message === 'string' ? message.replace(INPUT, LEFT_OUT).replace(SESSION_TOKEN, 'r:(left out)') : message;
}

/** The line's extra values, without what was sent. */
export function withoutSent(message: unknown, meta: readonly unknown[]): unknown[] {
  if (typeof message === 'string' && RAW_FRAME.test(message)) return meta.map((value) => (typeof value === 'string' ? '(left out of the logs)' : value));
  return meta.map(withoutSentFields);
}

function withoutSentFields(meta: unknown): unknown {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta) || meta instanceof Error) return meta;
  return Object.fromEntries(Object.entries(meta).filter(([key]) => !SENT.has(key)));
}

export class LogAdapterWithoutInput extends WinstonLoggerAdapter {
  override log(level: string, message: unknown, ...meta: unknown[]): unknown {
    return super.log(level, withoutInput(message), ...withoutSent(message, meta));
  }
}
