// GET /users/me (smartsheet-api.md §5 #1): who the token belongs to.
import { apiRoute } from './api-route.js';
import type { EndpointContext } from './endpoint-context.js';
import { userProfileSchema } from './user-schemas.js';
import type { UserProfile } from './user-schemas.js';

export function getCurrentUser(ctx: EndpointContext): Promise<UserProfile> {
  return ctx.http.call({ route: apiRoute('GET', '/users/me'), schema: userProfileSchema });
}
