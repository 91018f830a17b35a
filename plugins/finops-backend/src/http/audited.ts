import { AuditorService } from '@backstage/backend-plugin-api';
import { assertError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { ApiRequest } from './RouteHelpers';

/**
 * Records a change in the audit log with who asked for it (the auditor reads the
 * request's credentials). The event starts before the change is authorized, so a
 * refused attempt is recorded as failed with the error that refused it. The change
 * adds what it learns (the budget it touched) to `found`, which both outcomes carry.
 */
export async function audited<T>(
  auditor: AuditorService,
  req: ApiRequest,
  event: { eventId: string; meta: JsonObject },
  change: (found: JsonObject) => Promise<T>,
): Promise<T> {
  const auditorEvent = await auditor.createEvent({
    ...event,
    severityLevel: 'medium',
    request: req,
  });
  const found: JsonObject = {};
  try {
    const result = await change(found);
    await auditorEvent.success({ meta: found });
    return result;
  } catch (error) {
    assertError(error);
    await auditorEvent.fail({ meta: found, error });
    throw error;
  }
}
