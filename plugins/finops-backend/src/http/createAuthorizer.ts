import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/** Checks credentials against a permission, optionally on one entity. */
export type AuthorizeCredentials = (
  credentials: BackstageCredentials,
  permission: BasicPermission | ResourcePermission,
  resourceRef?: string,
) => Promise<void>;

/** Checks a request's credentials against a permission, optionally on one entity. */
export type Authorize = (
  req: Request<any, any, any, any>,
  permission: BasicPermission | ResourcePermission,
  resourceRef?: string,
) => Promise<BackstageCredentials>;

/**
 * Returns the check of the routes and actions: credentials without the permission get
 * 403 naming it.
 */
export function createCredentialsAuthorizer(
  permissions: PermissionsService,
): AuthorizeCredentials {
  return async (credentials, permission, resourceRef) => {
    const [decision] = await permissions.authorize(
      [
        resourceRef
          ? { permission: permission as ResourcePermission, resourceRef }
          : { permission: permission as BasicPermission },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to do this: permission ${
          permission.name
        } is required${resourceRef ? ` on ${resourceRef}` : ''}`,
      );
    }
  };
}

/**
 * Returns the authorize function of the routes: a request without credentials is
 * refused by httpAuth, one without the permission gets 403 naming it.
 */
export function createAuthorizer(
  httpAuth: HttpAuthService,
  permissions: PermissionsService,
): Authorize {
  const authorizeCredentials = createCredentialsAuthorizer(permissions);
  return async (req, permission, resourceRef) => {
    const credentials = await httpAuth.credentials(req);
    await authorizeCredentials(credentials, permission, resourceRef);
    return credentials;
  };
}

/** Who made a change: the user's entity ref, or the calling service. */
export function actorOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') {
    return principal.userEntityRef;
  }
  if (principal.type === 'service') {
    return principal.subject;
  }
  return undefined;
}
