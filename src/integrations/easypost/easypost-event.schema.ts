import { z } from 'zod';

/**
 * The statuses EasyPost gives a Tracker and each of its scans. Others are
 * stored as they come: a status EasyPost adds must not make it retry forever.
 */
export const EASYPOST_TRACKER_STATUSES = [
  'unknown',
  'pre_transit',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'available_for_pickup',
  'return_to_sender',
  'failure',
  'cancelled',
  'error',
] as const;

const Instant = z.iso.datetime({ offset: true });

const Status = z
  .string()
  .min(1)
  .describe(`EasyPost's: ${EASYPOST_TRACKER_STATUSES.join(', ')}; another is stored as it comes`);

/** One scan of a parcel (EasyPost's TrackingDetail): the parts Loupe reads. */
export const EasyPostTrackingDetailSchema = z.object({
  status: Status,
  message: z.string().nullish(),
  description: z.string().nullish(),
  datetime: Instant,
});
export type EasyPostTrackingDetail = z.infer<typeof EasyPostTrackingDetailSchema>;

/** EasyPost's Tracker, the `result` of a `tracker.created` / `tracker.updated` Event: the parts Loupe reads. */
export const EasyPostTrackerSchema = z.object({
  object: z.literal('Tracker'),
  id: z.string().min(1),
  tracking_code: z.string().min(1),
  carrier: z.string().nullish(),
  status: Status,
  updated_at: Instant.nullish(),
  tracking_details: z.array(EasyPostTrackingDetailSchema).nullish(),
});
export type EasyPostTracker = z.infer<typeof EasyPostTrackerSchema>;

/**
 * A webhook Event as EasyPost posts it; `result` is read once the
 * description says what it holds (a Tracker for `tracker.*`).
 */
export const EasyPostEventSchema = z.object({
  object: z.literal('Event'),
  id: z.string().min(1),
  description: z.string().min(1),
  mode: z.string().optional(),
  result: z.unknown(),
});
export type EasyPostEvent = z.infer<typeof EasyPostEventSchema>;

/** The Event descriptions that carry a Tracker. */
export const TRACKER_EVENTS = ['tracker.created', 'tracker.updated'] as const;
