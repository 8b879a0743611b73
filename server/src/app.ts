import { existsSync } from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from './config';
import type { Database } from './db/client';
import { apiNotFound, errorHandler } from './middleware/error-handler';
import { originCheck } from './middleware/origin-check';
import {
  cleanTextGuard,
  contentEncodingGuard,
  formBody,
  jsonBody,
} from './middleware/request-validation';
import { requestContextMiddleware } from './middleware/request-context';
import { sessionMiddleware } from './middleware/session';
import { compressResponses, serveWebApp } from './middleware/static-files';
import { callsRoutes } from './modules/calls/calls.routes';
import { citizensRoutes } from './modules/citizens/citizens.routes';
import { smsRoutes } from './modules/sms/sms.routes';
import { telephonyRoutes } from './modules/telephony/telephony.routes';
import { createStorage } from './integrations/storage/storage';
import { documentsRoutes } from './modules/documents/documents.routes';
import { handoversRoutes } from './modules/handovers/handovers.routes';
import { paymentsRoutes } from './modules/payments/payments.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { configRoutes } from './modules/config/config.routes';
import { healthRoutes } from './modules/health/health.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { jobsRoutes } from './modules/jobs/jobs.routes';
import { couriersRoutes } from './modules/couriers/couriers.routes';
import { proceduresRoutes } from './modules/procedures/procedures.routes';
import { unitsRoutes } from './modules/units/units.routes';
import { usersRoutes } from './modules/users/users.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { trackingRoutes } from './modules/tracking/tracking.routes';
import { ratingsRoutes } from './modules/ratings/ratings.routes';
import { reconciliationRoutes } from './modules/reconciliation/reconciliation.routes';
import { divisionsRoutes } from './modules/divisions/divisions.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { settingsRoutes } from './modules/settings/settings.routes';
import { exportsRoutes } from './modules/exports/exports.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { plansRoutes } from './modules/plans/plans.routes';
import { placesRoutes } from './modules/places/places.routes';
import { intakeKeysRoutes } from './modules/intake-keys/intake-keys.routes';
import { intakeApiBody, intakeApiRoutes } from './modules/intake/intake-api.routes';
import { intakeRoutes } from './modules/intake/intake.routes';
import { createJobHooks, type JobHook, type JobHooks } from './modules/jobs/jobs.service';
import { paymentsJobHooks } from './modules/payments/payments.hooks';
import { reportsJobHooks } from './modules/reports/job-milestones';
import { notificationsJobHooks } from './modules/notifications/notifications.hooks';
import { createMatrixCache } from './modules/plans/distance/distance-matrix';
import { createPositionStore, type PositionStore } from './modules/couriers/couriers.service';

export type AppDeps = {
  database: Database;
  config: Config;
  /** Built web app to serve (web/dist); omitted in API tests. */
  webDist?: string | undefined;
  /** The job hooks of this app; default {@link defaultJobHooks} (tests pass their own). */
  jobHooks?: JobHooks | undefined;
  /** The live courier positions; main.ts shares one with the sockets (default: a new store). */
  positions?: PositionStore | undefined;
};

/** What one app holds beside its routes (the sockets and tests reach them through {@link appServices}). */
export type AppServices = { jobHooks: JobHooks; positions: PositionStore };

const SERVICES = 'tannha.services';

/** The job hooks and position store an app was built with. */
export function appServices(app: Express): AppServices {
  return app.locals[SERVICES] as AppServices;
}

/**
 * What the product hangs on the job engine, in the order it runs: fees collected before a
 * courier completes, report milestones, SMS to the citizen.
 */
export function defaultJobHooks(config: Pick<Config, 'publicBaseUrl'>): JobHook[] {
  return [
    paymentsJobHooks(),
    reportsJobHooks(),
    notificationsJobHooks({ publicBaseUrl: config.publicBaseUrl }),
  ];
}

/** Helmet's headers with the content security policy the web app needs. */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // The code scanner's WebAssembly (served from /assets) may be compiled; no eval.
        'script-src': ["'self'", "'wasm-unsafe-eval'"],
        'img-src': ["'self'", 'data:', 'blob:', 'https:'],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Builds the Express app: no listening and no globals, so tests build as many as they
 * like against their own databases.
 */
export function createApp(deps: AppDeps): Express {
  const { database, config } = deps;
  const db = database.db;
  const jobHooks = deps.jobHooks ?? createJobHooks(defaultJobHooks(config));
  const positions = deps.positions ?? createPositionStore(db);
  const app = express();
  app.locals[SERVICES] = { jobHooks, positions } satisfies AppServices;
  app.disable('x-powered-by');
  // Only the proxies TRUST_PROXY names may tell the client's address (req.ip, which the login
  // throttle keys on) and scheme (req.secure, which the session cookie's Secure flag follows).
  app.set('trust proxy', config.trustProxy);

  app.use(...requestContextMiddleware());
  app.use(securityHeaders());
  app.use(compressResponses());
  app.use(healthRoutes(database, { sessionSecret: config.sessionSecret }));

  const api = express.Router();
  api.use(contentEncodingGuard, intakeApiBody(), jsonBody('1mb'), formBody('1mb'), cleanTextGuard);
  api.use(cookieParser(config.sessionSecret));
  api.use(originCheck(config.publicBaseUrl));
  api.use(sessionMiddleware(db));
  api.use(authRoutes({ db, secureCookies: config.publicBaseUrl.startsWith('https://') }));
  api.use(
    configRoutes({
      db,
      mapTileUrl: config.mapTileUrl,
      twilioConfigured: config.twilio !== undefined,
      geocoderConfigured: config.geocoderUrl !== undefined,
    }),
  );
  api.use(unitsRoutes({ db }));
  api.use(usersRoutes({ db }));
  api.use(proceduresRoutes({ db }));
  api.use(calendarRoutes({ db }));
  api.use(citizensRoutes({ db }));
  api.use(callsRoutes({ db, jobHooks, publicBaseUrl: config.publicBaseUrl }));
  api.use(
    telephonyRoutes({
      db,
      twilioAuthToken: config.twilio?.authToken,
      publicBaseUrl: config.publicBaseUrl,
    }),
  );
  api.use(
    smsRoutes({
      db,
      twilioAuthToken: config.twilio?.authToken,
      publicBaseUrl: config.publicBaseUrl,
      transportName: config.twilio ? 'twilio' : 'console',
    }),
  );
  api.use(jobsRoutes({ db, jobHooks }));
  api.use(placesRoutes({ db, geocoderUrl: config.geocoderUrl }));
  api.use(couriersRoutes({ db, jobHooks, positions }));
  api.use(reportsRoutes({ db }));
  api.use(trackingRoutes({ db }));
  api.use(ratingsRoutes({ db }));
  api.use(reconciliationRoutes({ db }));
  api.use(divisionsRoutes({ db }));
  api.use(settingsRoutes({ db }));
  api.use(auditRoutes({ db }));
  api.use(intakeKeysRoutes({ db }));
  api.use(intakeApiRoutes({ db, jobHooks }));
  api.use(exportsRoutes({ db }));
  api.use(notificationsRoutes({ db }));
  api.use(paymentsRoutes({ db, publicBaseUrl: config.publicBaseUrl }));
  const storage = createStorage({ dataDir: config.dataDir, s3: config.s3 });
  const uploadLimits = {
    maxUploadBytes: config.uploadMaxBytes,
    maxUploadPixels: config.uploadMaxPixels,
  };
  api.use(documentsRoutes({ db, storage, ...uploadLimits }));
  api.use(handoversRoutes({ db, jobHooks, storage, ...uploadLimits }));
  api.use(plansRoutes({ db, jobHooks, osrmUrl: config.osrmUrl, matrixCache: createMatrixCache() }));
  api.use(intakeRoutes({ db, jobHooks }));
  api.use(apiNotFound);
  app.use('/api', api);

  if (deps.webDist && existsSync(path.join(deps.webDist, 'index.html'))) {
    serveWebApp(app, deps.webDist);
  }
  app.use(errorHandler);
  return app;
}
