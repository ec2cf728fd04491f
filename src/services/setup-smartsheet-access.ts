// `ledgerline init`, step one: does this base URL answer as Smartsheet, and does it accept the token?
// Each failure becomes a configuration error (exit 2) that says which of the two to fix.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { SmartsheetSetup } from '../ports/billing-sheets.js';

export interface SmartsheetIdentity {
  id: number;
  email: string;
  name: string;
}

export async function checkSmartsheetAccess(
  setup: Pick<SmartsheetSetup, 'currentUser'>,
  baseUrl: string,
): Promise<SmartsheetIdentity> {
  try {
    return await setup.currentUser();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    switch (error.code) {
      case ErrorCode.SMARTSHEET_AUTH:
        throw new AppError(ErrorCode.CONFIG_INVALID, `Smartsheet refused the token (${error.message})`, {
          hint: 'Create a new token (Smartsheet → Personal Settings → API Access) on the same instance (US, EU, Gov or AU) as the base URL.',
          cause: error,
        });
      case ErrorCode.SMARTSHEET_UNAVAILABLE:
        throw new AppError(ErrorCode.CONFIG_INVALID, error.message, {
          hint: `Check the base URL ${baseUrl} (or the region) and that this machine can reach it.`,
          cause: error,
        });
      case ErrorCode.SMARTSHEET_REQUEST:
        throw new AppError(
          ErrorCode.CONFIG_INVALID,
          `${baseUrl} did not answer as the Smartsheet API (${error.message})`,
          { hint: 'The base URL ends in /2.0, e.g. https://api.smartsheet.com/2.0.', cause: error },
        );
      default:
        throw error;
    }
  }
}
