// GET /users/me: the caller's profile (fields of the official "Serialization - UserProfile" mock).
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';

function currentUser(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const user = req.user;
  return {
    body: {
      id: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      locale: 'en_US',
      timeZone: 'UTC',
      account: { id: rt.state.account.id, name: rt.state.account.name },
      admin: user.admin === true,
      licensedSheetCreator: user.automation !== true,
      groupAdmin: false,
      resourceViewer: false,
      alternateEmails: [],
      // Smartsheet reports 0 here for /users/me (smartsheet-api.md §4.7).
      sheetCount: 0,
      lastLogin: req.dates(rt.state.startedAt),
      title: '',
      department: '',
      company: '',
      workPhone: '',
      mobilePhone: '',
      role: '',
    },
  };
}

export const userRoutes: ApiRouteSpec[] = [{ method: 'GET', pattern: '/users/me', run: currentUser }];
