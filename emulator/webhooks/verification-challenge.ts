// The verification handshake (smartsheet-api.md §6.2): POST {challenge, webhookId} with the
// Smartsheet-Hook-Challenge header; the subscriber proves itself by answering 200 and echoing the
// value in the Smartsheet-Hook-Response header or as {"smartsheetHookResponse": value}.
import { randomUUID } from 'node:crypto';
import { postToSubscriber } from './callback-http.js';

export async function challengeSubscriber(
  callbackUrl: string,
  webhookId: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<boolean> {
  const challenge = randomUUID();
  const response = await postToSubscriber(
    callbackUrl,
    Buffer.from(JSON.stringify({ challenge, webhookId })),
    { 'Content-Type': 'application/json', 'Smartsheet-Hook-Challenge': challenge },
    timeoutMs,
    signal,
  );
  if (response.status !== 200) return false;
  if (response.headers['smartsheet-hook-response'] === challenge) return true;
  try {
    const parsed: unknown = JSON.parse(response.body);
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as Record<string, unknown>)['smartsheetHookResponse'] === challenge
    );
  } catch {
    return false;
  }
}
