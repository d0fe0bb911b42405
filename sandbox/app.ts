/**
 * The SpherePay v2 sandbox as an Express app (API.md §0-6, §8 and the
 * decisions D1-D9), plus the `/_sandbox/` controls and hosted pages.
 * `createSandbox` builds it; `server.ts` listens.
 */
import express, { type ErrorRequestHandler, type Express } from 'express';
import { randomBytes } from 'node:crypto';
import { problem } from '../contract/spherepay/problem.ts';
import { requireApiKey } from './auth.ts';
import { createAutopilot } from './autopilot.ts';
import { createClock, type Clock } from './clock.ts';
import type { Context } from './context.ts';
import { bankAccountsRouter } from './bank-accounts.ts';
import { controlsRouter } from './controls.ts';
import { customersRouter } from './customers.ts';
import { documentsRouter } from './documents.ts';
import { hostedRouter } from './hosted.ts';
import { stepTransfer } from './lifecycle.ts';
import { onboardingRouter } from './onboarding.ts';
import { quotesRouter } from './quotes.ts';
import { representativesRouter } from './representatives.ts';
import { transfersRouter } from './transfers.ts';
import { walletsRouter } from './wallets.ts';
import { hexLengthFor, randomIds } from './ids.ts';
import { bufferKeyedMultipart, idempotency, setRawBody } from './idempotency.ts';
import { MAX_DOCUMENT_BYTES } from '../contract/spherepay/document.ts';
import { HttpProblem, badRequest } from './problems.ts';
import { rateLimit } from './rate-limit.ts';
import { createStore } from './store.ts';
import { decide, refreshDue } from './verification.ts';
import { createWebhooks } from './webhooks.ts';

export interface SandboxOptions {
  apiKey: string;
  /** Default `createClock()`: real time plus an offset `/_sandbox/clock` moves. */
  clock?: Clock;
  /** Default: prefix + '_' + random lower hex (32, or 24 for payout). */
  ids?: (prefix: string, hexLength: number) => string;
  /** No url = no delivery. */
  webhook?: { url?: string; secret: string };
  /** Default false. */
  autopilot?: false | { approveAfterSeconds?: number; stepSeconds?: number };
  /** Origin used in hosted-page links; default: derived from the request's Host. */
  publicUrl?: string;
  /** Default 100, reads and writes counted separately (API.md §0.6). */
  rateLimitPerSecond?: number;
  webhookRetry?: { attempts?: number; baseDelayMs?: number };
}

export interface Sandbox {
  app: Express;
  clock: Clock;
  setWebhook(webhook: { url: string; secret: string }): void;
  close(): Promise<void>;
}

const JSON_LIMIT = '100kb';

export function createSandbox(options: SandboxOptions): Sandbox {
  const clock = options.clock ?? createClock();
  const ids = options.ids ?? randomIds;
  const id = (prefix: string) => ids(prefix, hexLengthFor(prefix));
  const timestamp = () => clock.now().toISOString();
  const webhooks = createWebhooks(options.webhook, options.webhookRetry ?? {}, () => ({ id: id('evt'), createdAt: timestamp() }));
  const ctx: Context = {
    store: createStore(),
    clock,
    id,
    timestamp,
    webhooks,
    reviewing: new Set(),
    autopilot: createAutopilot(options.autopilot, {
      approve: (customerId) => {
        const record = ctx.store.customers.get(customerId);
        if (record) decide(ctx, record, 'approved');
      },
      step: (transferId) => {
        const record = ctx.store.transfers.get(transferId);
        if (record) stepTransfer(ctx, record);
      },
    }),
    ...(options.publicUrl ? { publicUrl: options.publicUrl.replace(/\/$/, '') } : {}),
  };
  // Reviews end by the clock; a timer lets their webhooks go out without a request.
  const sweeper = setInterval(() => refreshDue(ctx), 1000);
  sweeper.unref();

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.locals.correlationId = randomBytes(16).toString('hex');
    next();
  });
  app.use(hostedRouter(ctx));
  app.use(requireApiKey(options.apiKey));
  app.use(rateLimit(options.rateLimitPerSecond ?? 100));
  app.use(express.json({ limit: JSON_LIMIT, verify: (req, _res, buf) => setRawBody(req as express.Request, buf) }));
  app.use((req, _res, next) => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    const json = req.is('application/json');
    if (hasBody && !json && req.is('multipart/form-data') === false) return next(badRequest('Content-Type must be application/json'));
    next();
  });
  app.use(bufferKeyedMultipart(MAX_DOCUMENT_BYTES + 64 * 1024));
  app.use(idempotency());
  app.use((_req, _res, next) => {
    refreshDue(ctx);
    next();
  });
  app.use(customersRouter(ctx));
  app.use(documentsRouter(ctx));
  app.use(onboardingRouter(ctx));
  app.use(representativesRouter(ctx));
  app.use(bankAccountsRouter(ctx));
  app.use(walletsRouter(ctx));
  app.use(quotesRouter(ctx));
  app.use(transfersRouter(ctx));
  app.use(controlsRouter(ctx));
  app.use((_req, _res, next) => next(new HttpProblem(problem(404, 'resource/not-found', 'Route not found'))));
  app.use(errorHandler);

  return {
    app,
    clock,
    setWebhook: (webhook) => webhooks.setTarget(webhook),
    async close() {
      clearInterval(sweeper);
      ctx.autopilot.close();
      webhooks.close();
    },
  };
}

interface BodyParserError {
  type?: string;
  status?: number;
}

const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  const correlationId = res.locals.correlationId as string;
  if (res.headersSent) return;
  if (err instanceof HttpProblem) {
    res.set(err.headers).status(err.body.status).json({ ...err.body, correlationId });
    return;
  }
  const parserError = err as BodyParserError;
  if (parserError.type === 'entity.parse.failed') {
    res.status(400).json({ ...problem(400, 'address/invalid', 'The body is not valid JSON'), correlationId });
  } else if (parserError.type === 'entity.too.large') {
    res.status(413).json({ ...problem(413, 'request/too-large', `The body is larger than ${JSON_LIMIT}`), correlationId });
  } else if (parserError.status && parserError.status >= 400 && parserError.status < 500) {
    res.status(400).json({ ...problem(400, 'address/invalid', 'Invalid request'), correlationId });
  } else {
    console.error('sandbox: unexpected error', correlationId, err);
    res.status(500).json({ ...problem(500, 'internal/error', 'Internal error'), correlationId });
  }
};
