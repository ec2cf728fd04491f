// Permalinks in Smartsheet's shape. They are opaque to clients; deriving the token from the id keeps
// them stable for a given seed. They point at app.smartsheet.com because that is what a client sees
// in production (reports and alerts link there), not at the emulator.

const APP = 'https://app.smartsheet.com';

function token(id: number): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(id));
  return bytes.toString('base64url');
}

export const permalinks = {
  sheet: (sheetId: number) => `${APP}/sheets/${token(sheetId)}`,
  row: (sheetId: number, rowId: number) => `${APP}/sheets/${token(sheetId)}?rowId=${rowId}`,
  workspace: (workspaceId: number) => `${APP}/workspaces/${token(workspaceId)}`,
  folder: (folderId: number) => `${APP}/folders/${token(folderId)}`,
  report: (reportId: number) => `${APP}/reports/${token(reportId)}`,
  sight: (sightId: number) => `${APP}/dashboards/${token(sightId)}`,
};
