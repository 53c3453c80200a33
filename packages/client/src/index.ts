// @rapport/client: a typed client for the Rapport REST API, generated from the OpenAPI
// document the server serves (see scripts/generate-client.mjs), on openapi-fetch.
import createFetchClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/schema.js';

export type { components, paths };
export type Schemas = components['schemas'];

export interface RapportClientOptions {
  /** The server, such as http://127.0.0.1:3000 */
  baseUrl: string;
  /** An API key from `rapport apikey create`. */
  apiKey: string;
  fetch?: typeof fetch;
}

/**
 * A client whose every path, parameter and body is typed from the API document.
 * @example const rapport = createRapportClient({ baseUrl: 'http://127.0.0.1:3000', apiKey });
 *          const { data } = await rapport.GET('/api/v1/objects/people', { params: { query: { limit: 10 } } });
 */
export function createRapportClient(options: RapportClientOptions): Client<paths> {
  return createFetchClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
