import { z } from 'zod';

/** `:id` of a shop's routes. */
export const ShopParamsSchema = z.object({ id: z.string().min(1).describe('the shop id, e.g. aulso') });
/** `:id` of a case's routes. */
export const CaseParamsSchema = z.object({ id: z.string().min(1).describe('the case id') });
/** `:id` and `:number` of an order's routes. */
export const OrderParamsSchema = ShopParamsSchema.extend({
  number: z.string().min(1).describe('the order number, as the shop gave it'),
});
