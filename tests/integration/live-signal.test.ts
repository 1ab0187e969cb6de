/**
 * The dashboards' live signal (LiveQuery on dashboardSignals), against hostile clients speaking
 * the raw protocol: a subscription is to the whole class, a frame is small, and a socket opened
 * by an unverified staff member hears nothing, whoever's session it then subscribes with.
 */
import { expect, inject, test } from 'vitest';
import { ensureStaffRole, grantStaff } from '../../server/roles.ts';
import { LIVE_QUERY_MAX_FRAME } from '../../server/live-query-sockets.ts';
import { CLASS } from '../../src/domain/classes.ts';
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { openLiveQuery, type LiveQuerySocket } from '../helpers/live-query-socket.ts';
import { master, newUser, verifiedStaff } from '../helpers/parse-rest.ts';

const stack = inject('stack');

const open = () => openLiveQuery(stack.serverURL);

function connect(socket: LiveQuerySocket, sessionToken: string) {
  socket.send({ op: 'connect', applicationId: stack.appId, javascriptKey: stack.javascriptKey, sessionToken });
}

const subscribe = (sessionToken: string, where: object = {}) => ({
  op: 'subscribe', requestId: 1, sessionToken, query: { className: CLASS.dashboardSignals, where },
});

test('staff subscribe to the whole class; a condition (a slow $regex on every signal) is refused', async () => {
  const staff = await verifiedStaff(stack);
  const refused = await open();
  connect(refused, staff.sessionToken);
  await refused.next('connected');
  refused.send(subscribe(staff.sessionToken, { objectId: { $regex: '(.*.*){10}x' } }));
  expect(await refused.next('subscribed', 'error')).toMatchObject({ op: 'error', code: 102 });
  refused.close();

  const whole = await open();
  connect(whole, staff.sessionToken);
  await whole.next('connected');
  whole.send(subscribe(staff.sessionToken));
  expect(await whole.next('subscribed', 'error')).toMatchObject({ op: 'subscribed' });
  whole.close();
});

test('a frame larger than a subscription ever is closes its socket', async () => {
  const staff = await verifiedStaff(stack);
  const socket = await open();
  connect(socket, staff.sessionToken);
  await socket.next('connected');
  socket.send(subscribe(staff.sessionToken, { objectId: { $nin: Array.from({ length: LIVE_QUERY_MAX_FRAME / 8 }, (_, n) => `id${n}`) } }));
  // 1009: the message is too big.
  expect(await socket.closed).toBe(1009);
});

test('an unverified staff member cannot open a socket, even to subscribe with another account', async () => {
  const unverified = await newUser(stack);
  const rest = master(stack);
  await grantStaff(rest, unverified.id);
  await ensureStaffRole(rest);
  const other = await newUser(stack);
  const socket = await open();
  connect(socket, unverified.sessionToken);
  expect(await socket.next('connected', 'error')).toMatchObject({ op: 'error', code: OUR_ERROR_CODE.staffEmailNotVerified });
  socket.send(subscribe(other.sessionToken));
  expect(await socket.next('subscribed', 'error')).toMatchObject({ op: 'error' });
  socket.close();
});
