import { z } from 'zod';
import { REQUEST_TYPES } from '../contract/case.schema.ts';
import { contrastRatio } from './contrast-ratio.ts';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "track-my-order"');
const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
const Quote = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** WCAG AA for normal text: the header's name and links stay readable on the shop's colour. */
export const MIN_CONTRAST = 4.5;

/**
 * How the shop's customer pages look: its colour (white text on it must read
 * at WCAG AA), the colour of text on it, and its storefront. Shop settings,
 * not the shop's words.
 */
export const BrandSchema = z
  .strictObject({
    color: HexColor.describe('the shop’s colour: the header’s background and links; white text on it ≥ 4.5:1'),
    inkColor: HexColor.describe('the colour of text on the shop’s colour (≥ 4.5:1 against it)'),
    storefrontUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('the shop’s online store, for re-order links; only where the shop’s page names it'),
    note: z.string().min(1).optional().describe('where these settings come from'),
  })
  .superRefine((brand, ctx) => {
    const onWhite = contrastRatio(brand.color, '#ffffff');
    if (onWhite < MIN_CONTRAST)
      ctx.addIssue({
        code: 'custom',
        path: ['color'],
        message: `white text on ${brand.color} has contrast ${onWhite.toFixed(2)}:1; it needs ${MIN_CONTRAST}:1`,
      });
    const ink = contrastRatio(brand.color, brand.inkColor);
    if (ink < MIN_CONTRAST)
      ctx.addIssue({
        code: 'custom',
        path: ['inkColor'],
        message: `${brand.inkColor} on ${brand.color} has contrast ${ink.toFixed(2)}:1; it needs ${MIN_CONTRAST}:1`,
      });
  });

/**
 * What a question about one order asks of it, so the order look-up can
 * answer it for that order: where it is, when it arrives, where the refund
 * is, or one of the contract's request types.
 */
export const ORDER_QUESTIONS = ['status', 'delivery', 'refund', ...REQUEST_TYPES] as const;
export const OrderQuestionSchema = z.enum(ORDER_QUESTIONS);

/** One question of the help center, answered in the shop's own words. */
export const FaqEntrySchema = z.strictObject({
  id: Id,
  topic: z.string().min(1).describe('the heading it is listed under, e.g. "Shipping"; topics keep their first order'),
  question: z.string().min(1),
  questionQuoted: z
    .boolean()
    .default(false)
    .describe('true when the question is the shop’s own heading (lint checks it is on the page)'),
  answer: Quote.describe("the shop's own sentence(s), verbatim"),
  aboutOrder: OrderQuestionSchema.optional().describe(
    'set when the answer depends on one order: the help center leads to the order look-up with this',
  ),
});

/** Why a table's rows are a shop setting: the page gives none, so they are not the shop's words. */
const Note = z.string().min(1).describe('set when the rows are a shop setting, not the shop’s words: why');

const RingRowSchema = z.strictObject({
  us: z.string().min(1),
  uk: z.string().min(1),
  eu: z.string().min(1),
  diameterMm: z.number().positive().describe('inside diameter'),
  circumferenceMm: z.number().positive().describe('inside circumference'),
});
const NecklaceRowSchema = z.strictObject({
  inches: z.number().positive(),
  cm: z.number().positive(),
  name: z.string().min(1),
  sits: z.string().min(1).describe('where it falls'),
  choker: z.boolean().default(false),
});
const EarringRowSchema = z.strictObject({
  mm: z.number().positive(),
  kind: z.string().min(1).describe('stud, huggie, hoop…'),
  looks: z.string().min(1),
});

const table = <Row extends z.ZodType>(row: Row) =>
  z.strictObject({
    quote: Quote.optional().describe("the shop's own words on this kind of sizing"),
    note: Note.optional(),
    rows: z.array(row).min(1),
  });

/** Ring, necklace and earring sizes: the shop's words where it has some, else marked standard tables. */
export const SizeGuideSchema = z.strictObject({
  quote: Quote.optional().describe("the shop's own words on sizing in general"),
  rings: table(RingRowSchema).optional(),
  necklaces: table(NecklaceRowSchema).optional(),
  earrings: table(EarringRowSchema).optional(),
});

/** The shop's help center: questions by topic, answered in its words, and its size guide. */
export const HelpSchema = z
  .strictObject({
    faq: z.array(FaqEntrySchema).default([]),
    sizeGuide: SizeGuideSchema.optional(),
  })
  .superRefine((help, ctx) => {
    const seen = new Set<string>();
    help.faq.forEach((entry, i) => {
      if (seen.has(entry.id))
        ctx.addIssue({ code: 'custom', path: ['faq', i, 'id'], message: `"${entry.id}" is already a question's id` });
      seen.add(entry.id);
    });
  });

export type Brand = z.infer<typeof BrandSchema>;
export type Help = z.infer<typeof HelpSchema>;
export type FaqEntry = z.infer<typeof FaqEntrySchema>;
export type SizeGuide = z.infer<typeof SizeGuideSchema>;
export type OrderQuestion = z.infer<typeof OrderQuestionSchema>;
