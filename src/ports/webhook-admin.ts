// Managing Smartsheet webhooks (smartsheet-api.md §6.1–6.3), as `webhooks ensure|list|delete` needs it.

export interface SheetWebhook {
  id: number;
  name: string;
  sheetId: number;
  callbackUrl: string | undefined;
  enabled: boolean;
  status: string;
  sharedSecret: string | undefined;
  disabledDetails: string | undefined;
}

export interface WebhookAdmin {
  list(): Promise<SheetWebhook[]>;
  create(sheetId: number, name: string, callbackUrl: string): Promise<SheetWebhook>;
  /** Enabling runs Smartsheet's verification handshake against the callback URL before answering. */
  enable(id: number): Promise<SheetWebhook>;
  resetSecret(id: number): Promise<string>;
  remove(id: number): Promise<void>;
}
