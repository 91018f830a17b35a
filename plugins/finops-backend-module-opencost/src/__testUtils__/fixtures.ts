import fs from 'node:fs';
import path from 'node:path';

/** A recorded OpenCost response from the package's fixtures directory. */
export interface RecordedResponse {
  code: number;
  data: Array<Record<string, Record<string, any>>>;
}

export function readFixture(file: string): RecordedResponse {
  return JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '../../fixtures', file), 'utf8'),
  );
}

/** The website example: 7 days aggregated by namespace. */
export const WEBSITE_EXAMPLE = 'allocation-example-output.json';
/** The swagger example of /allocation/compute: 2 days aggregated by namespace. */
export const SWAGGER_EXAMPLE = 'swagger-allocation-compute-example.json';
