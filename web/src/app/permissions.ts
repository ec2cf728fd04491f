// What each role may open, mirroring ROLE_PERMISSIONS in src/http/access-control.ts (the server
// enforces it; the app only hides what would be refused). The type ties it to the server's names.
import type { Permission, Role } from '../api/contract-types.js';

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ['public', 'dashboard.read'],
  auditor: ['public', 'dashboard.read', 'audit.review'],
  admin: ['public', 'dashboard.read', 'audit.review', 'admin'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
