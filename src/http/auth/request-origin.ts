// Where a request came from, as audit events record it (RequestOrigin in access-control.ts). Any
// route that writes to the trail on a user's behalf (reviews, reverts, exports) takes it from here.
import type { FastifyRequest } from 'fastify';
import { describeDevice } from '../../domain/auth/device-description.js';
import type { RequestOrigin } from '../access-control.js';

/** User agents are client-controlled; this much is plenty to recognise a browser. */
const MAX_USER_AGENT_LENGTH = 512;

/**
 * The request's origin: the client IP (`request.ip`, which honours `trustProxy`), the user agent,
 * a device description and the signed-in session, if any.
 */
export function requestOrigin(request: FastifyRequest): RequestOrigin {
  const header = request.headers['user-agent'];
  const userAgent =
    typeof header === 'string' && header !== '' ? header.slice(0, MAX_USER_AGENT_LENGTH) : null;
  return {
    ipAddress: request.ip || null,
    userAgent,
    deviceInfo: describeDevice(userAgent),
    sessionId: request.auth?.sessionId ?? null,
  };
}
