/**
 * Whether a CRM's token may go to a test server on this machine: only in test builds
 * (`WXT_BATON_TEST_BUILD=true`, what the end-to-end suite loads) and unit tests; never in
 * `npm run build` or `npm run zip`.
 */
export const LOOPBACK_ALLOWED =
  import.meta.env.MODE === 'test' || import.meta.env.WXT_BATON_TEST_BUILD === 'true';

export const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
