import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import {
  EasyPostEventSchema,
  type EasyPostTracker,
  EasyPostTrackerSchema,
  TRACKER_EVENTS,
} from '../../../integrations/easypost/easypost-event.schema.ts';
import {
  EASYPOST_SIGNATURE_HEADER,
  verifyEasyPostSignature,
} from '../../../integrations/easypost/verify-easypost-signature.ts';
import { recordTrackingUpdate, type TrackingUpdate } from '../../../services/record-tracking-update.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { type EasyPostReceipt, receiveEasyPostEventSchema } from './receive-easypost-event.schema.ts';

/** Options of the webhook: the desk's deps, and the secret when not from `EASYPOST_WEBHOOK_SECRET` (tests). */
export type EasyPostWebhookOptions = DeskRouteOptions & { webhookSecret?: string };

const ignored = (why: string): EasyPostReceipt => ({
  received: true,
  ignored: why,
  shipments: 0,
  eventsStored: 0,
  ordersShipped: [],
  ordersDelivered: [],
  casesReceived: [],
});

const unsigned = (message: string) =>
  new DomainError('UNAUTHORIZED', message, [{ code: 'unauthorized', path: [EASYPOST_SIGNATURE_HEADER], message }]);

/**
 * POST /api/v1/webhooks/easypost: EasyPost's tracking news. The body is
 * signed as bytes, so this plugin reads every body raw (its own content-type
 * parser, in this plugin's scope only: other routes keep Fastify's JSON), checks
 * the signature, then parses the JSON itself.
 */
export const receiveEasyPostEventRoute: FastifyPluginAsync<EasyPostWebhookOptions> = async (app, options) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/api/v1/webhooks/easypost', { schema: receiveEasyPostEventSchema }, async (request) => {
    const { context: ctx } = deskDeps(options);
    const secret = options.webhookSecret ?? process.env.EASYPOST_WEBHOOK_SECRET;
    if (!secret) throw new Error('EASYPOST_WEBHOOK_SECRET is not set: EasyPost webhooks cannot be verified');
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);

    const check = verifyEasyPostSignature(raw, request.headers[EASYPOST_SIGNATURE_HEADER], secret);
    if (!check.ok) {
      throw unsigned(
        check.reason === 'missing'
          ? 'X-Hmac-Signature is missing: only EasyPost, signing with the webhook secret, may post here'
          : 'X-Hmac-Signature does not match the body signed with the webhook secret',
      );
    }

    const event = parseInput(EasyPostEventSchema, readJson(raw));
    if (!(TRACKER_EVENTS as readonly string[]).includes(event.description)) {
      return ignored(`${event.description} is not a tracker event`);
    }
    const tracker = parseInput(EasyPostTrackerSchema, event.result);
    const outcome = await recordTrackingUpdate(ctx, trackingUpdateOf(tracker));
    const receipt: EasyPostReceipt = {
      received: true,
      shipments: outcome.shipments.length,
      eventsStored: outcome.eventsStored,
      ordersShipped: outcome.ordersShipped,
      ordersDelivered: outcome.ordersDelivered,
      casesReceived: outcome.casesReceived,
    };
    if (outcome.shipments.length === 0 && outcome.casesReceived.length === 0) {
      receipt.ignored = 'no parcel or return has this tracking code';
    }
    return receipt;
  });
};

function readJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DomainError('INVALID_INPUT', 'the body is not JSON', [
      { code: 'invalid_json', path: [], message: 'the body is not JSON' },
    ]);
  }
}

/** A Tracker as the news the service takes: the carrier's scans with their times. */
function trackingUpdateOf(tracker: EasyPostTracker): TrackingUpdate {
  return {
    source: 'easypost',
    trackingNumber: tracker.tracking_code,
    carrier: tracker.carrier ?? null,
    status: tracker.status,
    updatedAt: tracker.updated_at ? new Date(tracker.updated_at) : null,
    scans: (tracker.tracking_details ?? []).map((d) => ({
      status: d.status,
      message: d.message || d.description || null,
      occurredAt: new Date(d.datetime),
    })),
  };
}
