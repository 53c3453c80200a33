// The one error handler: every failure leaves as application/problem+json (RFC 9457) with a
// stable type, the failing fields, and never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldProblem } from '../errors.js';

export const PROBLEM_TYPE_PREFIX = 'urn:rapport:problem:';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  requestId: string;
  errors?: FieldProblem[];
}

/** Fastify's own 4xx errors (parsing, limits, media types), by code. */
const FRAMEWORK_PROBLEMS: Record<string, { code: string; title: string; field?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported-media-type', title: 'Unsupported Content-Type; send application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad-request', title: 'Bad Content-Length' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload-too-large', title: 'The request body is too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'validation-failed', title: 'The request is not valid', field: 'body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed-json', title: 'The body is not valid JSON', field: 'body' },
};

function validationProblems(error: FastifyError): FieldProblem[] {
  const where = (error as { validationContext?: string }).validationContext ?? 'body';
  return (error.validation ?? []).map((item) => {
    const params = item.params as Record<string, unknown>;
    const path = item.instancePath.split('/').filter(Boolean).join('.');
    const leaf = (params.missingProperty ?? params.additionalProperty) as string | undefined;
    const field = [path, leaf].filter(Boolean).join('.') || where;
    const message = params.additionalProperty ? 'is not allowed here' : params.missingProperty ? 'is required' : params.allowedValues ? `must be one of ${(params.allowedValues as unknown[]).join(', ')}` : item.message ?? 'is not valid';
    return { field, message };
  });
}

/** The problem for any error thrown while handling `request`. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const base = { instance: request.url.split('?')[0], requestId: String(request.id) };
  if (error instanceof DomainError) {
    return { type: PROBLEM_TYPE_PREFIX + error.code, title: error.title, status: error.status, detail: error.message, ...base, ...(error.errors ? { errors: error.errors } : {}) };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const errors = validationProblems(fastifyError);
    return { type: `${PROBLEM_TYPE_PREFIX}validation-failed`, title: 'The request is not valid', status: 400, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '), ...base, errors };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = FRAMEWORK_PROBLEMS[fastifyError.code ?? ''];
    const syntax = error instanceof SyntaxError && !known;
    return {
      type: PROBLEM_TYPE_PREFIX + (known?.code ?? (syntax ? 'malformed-json' : status === 429 ? 'too-many-requests' : 'bad-request')),
      title: known?.title ?? (syntax ? 'The body is not valid JSON' : 'Bad request'),
      status,
      detail: fastifyError.message,
      ...base,
      ...(known?.field || syntax ? { errors: [{ field: known?.field ?? 'body', message: fastifyError.message }] } : {}),
    };
  }
  return { type: `${PROBLEM_TYPE_PREFIX}internal`, title: 'Unexpected error', status: 500, detail: `Something went wrong on our side; quote request id ${request.id} when reporting it.`, ...base };
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}) {
  return reply.status(problem.status).headers(headers).type('application/problem+json').send(JSON.stringify(problem));
}

/**
 * Installs the error and not-found handlers on `app` (and so on every child context). The web
 * app passes its own not-found handler, which serves the single-page app for page paths and
 * answers `answerNotFound` for the rest.
 */
export function installProblemHandlers(app: FastifyInstance, notFound: (request: FastifyRequest, reply: FastifyReply) => unknown = answerNotFound) {
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, problem, error instanceof DomainError ? error.headers : undefined);
  });
  app.setNotFoundHandler(notFound);
}

/** 404 for a path no route serves. Install it in an authenticated scope too, so that auth runs first there. */
export function answerNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, {
    type: `${PROBLEM_TYPE_PREFIX}not-found`, title: 'Not found', status: 404,
    detail: `no route ${request.method} ${request.url.split('?')[0]}`, instance: request.url.split('?')[0], requestId: String(request.id),
  });
}
