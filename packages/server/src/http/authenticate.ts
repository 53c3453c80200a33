// Authentication of every /api/v1 request: a Bearer API key names the workspace. The workspace
// comes only from the credential, never from the request.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../engine/context.js';
import { Unauthorized } from '../errors.js';
import type { ApiKeyService } from '../modules/auth/api-keys.js';
import type { WorkspaceService } from '../modules/workspaces/service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by authentication on every /api/v1 route. */
    ctx: RequestContext;
  }
}

export function requireApiKey(app: FastifyInstance, apiKeys: ApiKeyService, workspaces: WorkspaceService) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new Unauthorized('send an API key in the Authorization header: Bearer <key>');
    const verified = await apiKeys.verify(match[1]);
    if (!verified) throw new Unauthorized('the API key is unknown, revoked or expired');
    request.ctx = await workspaces.contextFor(
      { id: verified.workspaceId, metadataVersion: verified.metadataVersion, defaultCurrency: verified.defaultCurrency },
      `apiKey:${verified.keyId}`,
    );
  });
}
