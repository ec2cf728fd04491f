// When a sheet is deleted or its owner's access to it changes, Smartsheet disables the webhooks on
// it with DISABLED_SCOPE_INACCESSIBLE and re-enables them when access returns, telling the
// subscriber each time with a status-change callback (smartsheet-api.md §6.3, §6.7).
import { sheetAccessLevel } from '../access/access-levels.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';

export function reviewScopeAccess(rt: EmulatorRuntime, sheetId: number): void {
  const sheet = rt.state.sheets.get(sheetId);
  for (const webhook of rt.state.webhooks.values()) {
    if (webhook.scopeObjectId !== sheetId) continue;
    const owner = rt.state.userByEmail(webhook.ownerEmail);
    const accessible =
      sheet !== undefined && owner !== undefined && sheetAccessLevel(rt.state, sheet, owner) !== undefined;
    if (!accessible && webhook.status === 'ENABLED') {
      webhook.enabled = false;
      webhook.status = 'DISABLED_SCOPE_INACCESSIBLE';
      webhook.disabledDetails = sheet
        ? 'The webhook owner no longer has access to the sheet.'
        : 'The sheet was deleted.';
      webhook.modifiedAt = rt.clock.now();
      rt.webhooks.forget(webhook.id);
      void rt.webhooks.notifyStatusChange(webhook, 'DISABLED_SCOPE_INACCESSIBLE');
    } else if (accessible && webhook.status === 'DISABLED_SCOPE_INACCESSIBLE') {
      webhook.enabled = true;
      webhook.status = 'ENABLED';
      delete webhook.disabledDetails;
      webhook.modifiedAt = rt.clock.now();
      void rt.webhooks.notifyStatusChange(webhook, 'ENABLED');
    }
  }
}
