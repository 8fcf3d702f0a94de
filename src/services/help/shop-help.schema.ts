import { z } from 'zod';
import { ORDER_QUESTIONS } from '../../domain/policy/help.schema.ts';

const Quotes = z.array(z.string()).describe("the shop's own sentences, verbatim");
const Note = z
  .string()
  .nullable()
  .describe('why the rows are a shop setting, not the shop’s words; null: the shop’s own');

/** One question of the help center, answered in the shop's words. */
export const FaqViewSchema = z.object({
  id: z.string(),
  topic: z.string(),
  question: z.string(),
  questionQuoted: z.boolean().describe('the question is the shop’s own heading'),
  answer: Quotes,
  aboutOrder: z
    .enum(ORDER_QUESTIONS)
    .nullable()
    .describe('set when the answer depends on one order: what to look at once the order is found'),
});

const table = <Row extends z.ZodType>(row: Row) =>
  z.object({ quote: Quotes, note: Note, rows: z.array(row) }).nullable();

/** The size guide: the shop's sizing words, and tables marked when they are shop settings. */
export const SizeGuideViewSchema = z.object({
  quote: Quotes,
  rings: table(
    z.object({ us: z.string(), uk: z.string(), eu: z.string(), diameterMm: z.number(), circumferenceMm: z.number() }),
  ),
  necklaces: table(
    z.object({ inches: z.number(), cm: z.number(), name: z.string(), sits: z.string(), choker: z.boolean() }),
  ),
  earrings: table(z.object({ mm: z.number(), kind: z.string(), looks: z.string() })),
});

const PageLineSchema = z.object({ label: z.string().optional(), text: z.string(), href: z.string().optional() });

/** The policy page as text, section by section: what GET /shops/{id}/policy?format=html renders. */
export const PolicyPageViewSchema = z.object({
  title: z.string(),
  intro: z.array(z.string()),
  sections: z.array(
    z.object({
      id: z.string(),
      heading: z.string(),
      items: z.array(z.object({ quotes: Quotes, lines: z.array(PageLineSchema) })),
    }),
  ),
  footer: z.string(),
});

/** A shop's help center, from its policy in force. */
export const ShopHelpSchema = z.object({
  shop: z.object({ id: z.string(), name: z.string() }),
  version: z.string().describe('the policy version the help comes from (the version in force now)'),
  effectiveFrom: z.string().describe('when that version took effect'),
  faq: z.array(FaqViewSchema).describe('in the policy’s order; topics keep the order they first appear in'),
  sizeGuide: SizeGuideViewSchema.nullable(),
  policy: PolicyPageViewSchema,
  contact: z.object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    url: z.string().nullable(),
  }),
});
export type ShopHelp = z.infer<typeof ShopHelpSchema>;
