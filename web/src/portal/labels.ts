/** Words a customer reads for the engine's codes: kinds of request, remedies, reasons, outcomes. */

const REQUESTS: Record<string, { action: string; noun: string }> = {
  cancel: { action: 'Cancel the order', noun: 'Cancellations' },
  change_address: { action: 'Change the delivery address', noun: 'Address changes' },
  change_shipping: { action: 'Change the shipping', noun: 'Shipping changes' },
  change_item: { action: 'Change an item', noun: 'Item changes' },
  return: { action: 'Return an item', noun: 'Returns' },
  exchange: { action: 'Exchange an item', noun: 'Exchanges' },
  warranty: { action: 'Make a warranty claim', noun: 'Warranty claims' },
  report_problem: { action: 'Report a problem', noun: 'Problem reports' },
  inquiry: { action: 'Ask a question', noun: 'Questions' },
};

/** "Return an item" for `return`. */
export const requestAction = (type: string): string => REQUESTS[type]?.action ?? type.replaceAll('_', ' ');
/** "Returns" for `return`: the subject of "Returns for this necklace close on …". */
export const requestNoun = (type: string): string => REQUESTS[type]?.noun ?? type.replaceAll('_', ' ');

const RESOLUTIONS: Record<string, string> = {
  cancel: 'cancel the order',
  address_change: 'change the address',
  item_change: 'change the item',
  shipping_change: 'change the shipping',
  refund: 'a refund',
  partial_refund: 'a partial refund',
  store_credit: 'store credit (a gift card)',
  exchange: 'an exchange',
  remake: 'a remake',
  replacement: 'a replacement',
  repair: 'a repair',
  discounted_replacement: 'a replacement at a discount',
  reship: 'sending it again',
};

/** "a refund" for `refund`. */
export const resolutionWords = (r: string): string => RESOLUTIONS[r] ?? r.replaceAll('_', ' ');

/** "a refund or an exchange". */
export const orList = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

const REASONS: Record<string, string> = {
  changed_mind: 'I changed my mind',
  not_as_expected: 'It is not what I expected',
  wrong_size_ordered: 'I ordered the wrong size',
  wrong_color_ordered: 'I ordered the wrong colour',
  wrong_material_ordered: 'I ordered the wrong material',
  wrong_item_sent: 'The wrong item was sent',
  arrived_damaged: 'It arrived damaged',
  defective: 'It is defective',
  tarnished: 'It has tarnished',
  broken: 'It broke',
  needs_repair: 'It needs a repair',
  not_received: 'It has not arrived',
  lost_in_transit: 'The parcel is lost',
  wrong_address_by_customer: 'I gave the wrong address',
  other: 'Something else',
};

/** "I changed my mind" for `changed_mind`. */
export const reasonWords = (r: string): string => REASONS[r] ?? r.replaceAll('_', ' ');

const STATES: Record<string, string> = {
  submitted: 'Received',
  decided_approved: 'Approved',
  decided_denied: 'Declined',
  needs_review: 'With the care team for review',
  awaiting_return: 'Waiting for your parcel',
  in_transit: 'Your parcel is on its way back',
  received: 'Your parcel has arrived',
  inspected: 'Checked by the shop',
  resolved: 'Resolved',
  closed: 'Closed',
  expired: 'Expired',
  inquiry: 'Question received',
};

/** A case state as the customer reads it. */
export const stateWords = (s: string): string => STATES[s] ?? s.replaceAll('_', ' ');
