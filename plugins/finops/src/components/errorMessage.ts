import { ResponseError } from '@backstage/errors';

/**
 * The message to show for a failed request: the server's own message (which names
 * the bad fields, the missing permission or the conflict) rather than the status line.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
