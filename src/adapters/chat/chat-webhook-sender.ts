// Posts alerts to a chat room through an incoming webhook. One JSON body serves both Slack (which
// reads `text`) and Microsoft Teams connectors (which read the MessageCard fields).
import { createHash } from 'node:crypto';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { AlertMessage, AlertSender } from '../../ports/alert-sender.js';

export interface ChatWebhookSettings {
  /** The webhook URL. Secret: its path carries the token, so it never appears in an error. */
  readonly url: string;
  /** How long one post may take; default 10 s. */
  readonly timeoutMs?: number;
  /** For tests; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

/** Slack and Teams both treat `&`, `<` and `>` as markup in message text, so they are escaped. */
function escapeChatText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The JSON body posted for a message. */
export function chatWebhookBody(message: AlertMessage): Record<string, string> {
  const subject = escapeChatText(message.subject);
  return {
    text: `*${subject}*\n\n${escapeChatText(message.text)}`,
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: subject,
    title: subject,
  };
}

/**
 * A chat webhook sender. Any non-2xx answer, network failure or timeout rejects with AppError
 * MAIL_FAILED naming the status only. The id is a hash of the body: webhooks return none.
 */
export function createChatWebhookSender(settings: ChatWebhookSettings): AlertSender {
  const post = settings.fetch ?? fetch;
  const timeoutMs = settings.timeoutMs ?? 10_000;
  return {
    async send(message: AlertMessage) {
      const body = JSON.stringify(chatWebhookBody(message));
      let response: Response;
      try {
        response = await post(settings.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason =
          error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : 'network failure';
        throw new AppError(ErrorCode.MAIL_FAILED, `The chat webhook could not be reached (${reason}).`, {
          hint: 'Check the chat webhook URL setting and that this host can reach it.',
          cause: error,
        });
      }
      // The body is read either way so the connection can be reused; its text is not kept because
      // some services echo the request, and that is personal data.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) {
        throw new AppError(ErrorCode.MAIL_FAILED, `The chat webhook answered HTTP ${response.status}.`, {
          hint: 'Check that the chat webhook still exists and accepts posts.',
        });
      }
      return { id: `chat-${createHash('sha256').update(body).digest('hex').slice(0, 32)}` };
    },
  };
}
