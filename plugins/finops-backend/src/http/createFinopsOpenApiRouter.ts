import express from 'express';
import { createOpenApiRouter } from '../schema/openapi';
import { isValidatedByHandler } from './isValidatedByHandler';

/**
 * The router generated from openapi.yaml as the plugin mounts it: JSON bodies up to
 * 2 MB (a usage report of 1,000 events is some hundreds of kilobytes), and the spec's
 * validator on every path but those whose handlers check their input themselves; with
 * `validateEveryPath`, on those too (for measuring what that would cost).
 */
export function createFinopsOpenApiRouter(options?: {
  validateEveryPath?: boolean;
}) {
  return createOpenApiRouter({
    middleware: [express.json({ limit: '2mb' })],
    validatorOptions: {
      ignorePaths: options?.validateEveryPath
        ? () => false
        : isValidatedByHandler,
    },
  });
}
