import type { Category } from '../domain/contract/case.schema.ts';

/** A product a demo order can hold, priced in the shop's minor units. */
export type DemoProduct = {
  sku: string;
  title: string;
  category: Category;
  fulfillment: 'ready_to_ship' | 'made_to_order';
  unitPrice: number;
  personalized?: boolean;
  material?: string;
};

/** What demo orders of one shop look like: order numbers, carriers and products. */
export type DemoShop = {
  orderPrefix: string;
  carriers: { domestic: string; international: string };
  /** A country outside the shop's own, for international orders. */
  abroad: string;
  products: DemoProduct[];
};

const rts = 'ready_to_ship' as const;
const mto = 'made_to_order' as const;

/**
 * Demo catalogues shaped like each bundled shop's page: Aoures' made-to-order
 * rings beside ready-to-ship pieces, Atelier's custom pieces, Aulso's tennis
 * bracelet, Amijose's personalised name necklace and gift cards, The Or's hoops.
 * A shop missing here gets `GENERIC_SHOP`.
 */
export const DEMO_CATALOGUE: Record<string, DemoShop> = {
  aoures: {
    orderPrefix: 'AOU',
    carriers: { domestic: 'USPS', international: 'FedEx' },
    abroad: 'CA',
    products: [
      { sku: 'RG-OPL-FS', title: 'Opal Stacking Ring', category: 'ring', fulfillment: rts, unitPrice: 8900 },
      { sku: 'RG-TWS-FS', title: 'Twist Band Ring', category: 'ring', fulfillment: rts, unitPrice: 5600 },
      {
        sku: 'RG-EMR-MTO',
        title: 'Emerald Solitaire Ring (made to order)',
        category: 'ring',
        fulfillment: mto,
        unitPrice: 28900,
        material: '14k gold',
      },
      {
        sku: 'RG-SAP-MTO',
        title: 'Sapphire Halo Ring (made to order)',
        category: 'ring',
        fulfillment: mto,
        unitPrice: 31500,
        material: '14k gold',
      },
      {
        sku: 'RG-BRT-MTO',
        title: 'Custom Birthstone Ring (made to order)',
        category: 'ring',
        fulfillment: mto,
        unitPrice: 12800,
        personalized: true,
      },
      {
        sku: 'NK-HRK-18',
        title: 'Herkimer Pendant Necklace',
        category: 'necklace',
        fulfillment: rts,
        unitPrice: 12500,
      },
      { sku: 'NK-MOON-16', title: 'Moonstone Drop Necklace', category: 'necklace', fulfillment: rts, unitPrice: 9800 },
      { sku: 'BR-PAP-7', title: 'Paperclip Chain Bracelet', category: 'bracelet', fulfillment: rts, unitPrice: 6400 },
      { sku: 'BR-CUF-S', title: 'Hammered Cuff Bracelet', category: 'bracelet', fulfillment: rts, unitPrice: 6900 },
      { sku: 'ER-HUG-G', title: 'Gold Huggie Earrings', category: 'earrings', fulfillment: rts, unitPrice: 4800 },
      { sku: 'ER-PRL-S', title: 'Pearl Stud Earrings', category: 'earrings', fulfillment: rts, unitPrice: 5400 },
    ],
  },
  atelier: {
    orderPrefix: 'ATL',
    carriers: { domestic: 'SF Express', international: 'DHL Express' },
    abroad: 'US',
    products: [
      {
        sku: 'R-MOI-14K',
        title: 'Moissanite Solitaire Ring, 14k',
        category: 'ring',
        fulfillment: mto,
        unitPrice: 15800,
        material: '14k gold',
      },
      {
        sku: 'R-CLD-925',
        title: 'Cloud Ring, sterling silver, size 7',
        category: 'ring',
        fulfillment: mto,
        unitPrice: 18900,
        material: 'sterling silver',
      },
      {
        sku: 'R-PAVE-14K',
        title: 'Pavé Band Ring, 14k',
        category: 'ring',
        fulfillment: mto,
        unitPrice: 19900,
        material: '14k gold',
      },
      {
        sku: 'N-PRL-18K',
        title: 'Freshwater Pearl Necklace, 18k clasp',
        category: 'necklace',
        fulfillment: mto,
        unitPrice: 22400,
        material: '18k gold',
      },
      {
        sku: 'N-BAR-14K',
        title: 'Engraved Bar Necklace',
        category: 'necklace',
        fulfillment: mto,
        unitPrice: 10900,
        personalized: true,
      },
      {
        sku: 'B-CUB-925',
        title: 'Cuban Link Bracelet',
        category: 'bracelet',
        fulfillment: mto,
        unitPrice: 13900,
        material: 'sterling silver',
      },
      {
        sku: 'B-JADE-18K',
        title: 'Jade Bangle, 18k caps',
        category: 'bracelet',
        fulfillment: mto,
        unitPrice: 26800,
        material: '18k gold',
      },
      {
        sku: 'E-HOOP-14K',
        title: 'Twisted Hoop Earrings, 14k',
        category: 'earrings',
        fulfillment: mto,
        unitPrice: 12800,
        material: '14k gold',
      },
      {
        sku: 'A-SHL-925',
        title: 'Shell Anklet',
        category: 'anklet',
        fulfillment: mto,
        unitPrice: 5900,
        material: 'sterling silver',
      },
    ],
  },
  aulso: {
    orderPrefix: 'AUL',
    carriers: { domestic: 'SF Express', international: 'YunExpress' },
    abroad: 'US',
    products: [
      { sku: 'AU-B-TENNIS', title: 'Tennis Bracelet', category: 'bracelet', fulfillment: rts, unitPrice: 5900 },
      { sku: 'AU-B-BANGLE', title: 'Hinged Bangle Bracelet', category: 'bracelet', fulfillment: rts, unitPrice: 8900 },
      { sku: 'AU-B-CHARM', title: 'Charm Bracelet', category: 'bracelet', fulfillment: rts, unitPrice: 5200 },
      { sku: 'AU-N-CLOVER', title: 'Clover Pendant Necklace', category: 'necklace', fulfillment: rts, unitPrice: 7400 },
      {
        sku: 'AU-N-HEART-RG',
        title: 'Heart Locket Necklace, rose gold',
        category: 'necklace',
        fulfillment: rts,
        unitPrice: 6600,
      },
      { sku: 'AU-R-STACK', title: 'Stacking Ring Trio', category: 'ring', fulfillment: rts, unitPrice: 4500 },
      { sku: 'AU-R-SIGNET-6', title: 'Oval Signet Ring, size 6', category: 'ring', fulfillment: rts, unitPrice: 6900 },
      { sku: 'AU-E-HOOP', title: 'Small Gold Hoops', category: 'earrings', fulfillment: rts, unitPrice: 3600 },
      { sku: 'AU-E-PEARL', title: 'Pearl Drop Earrings', category: 'earrings', fulfillment: rts, unitPrice: 4200 },
    ],
  },
  amijose: {
    orderPrefix: 'AMJ',
    carriers: { domestic: 'Royal Mail', international: 'DHL Express' },
    abroad: 'IE',
    products: [
      {
        sku: 'AJ-N-NAME',
        title: 'Personalised Name Necklace, gold plated',
        category: 'necklace',
        fulfillment: rts,
        unitPrice: 6500,
        personalized: true,
      },
      {
        sku: 'AJ-N-ENGR',
        title: 'Engraved Coordinates Necklace',
        category: 'necklace',
        fulfillment: rts,
        unitPrice: 7900,
        personalized: true,
      },
      { sku: 'AJ-N-LOCK', title: 'Heart Locket Necklace', category: 'necklace', fulfillment: rts, unitPrice: 9500 },
      { sku: 'AJ-N-PRL', title: 'Pearl Choker', category: 'necklace', fulfillment: rts, unitPrice: 6800 },
      { sku: 'AJ-R-OPAL', title: 'Opal Cocktail Ring', category: 'ring', fulfillment: rts, unitPrice: 8900 },
      {
        sku: 'AJ-B-BEAD',
        title: 'Beaded Birthstone Bracelet',
        category: 'bracelet',
        fulfillment: rts,
        unitPrice: 5800,
      },
      { sku: 'AJ-B-TEN', title: 'Tennis Bracelet', category: 'bracelet', fulfillment: rts, unitPrice: 8800 },
      { sku: 'AJ-E-DROP', title: 'Crystal Drop Earrings', category: 'earrings', fulfillment: rts, unitPrice: 4200 },
      { sku: 'AJ-E-SOL', title: 'Solitaire Stud Earrings', category: 'earrings', fulfillment: rts, unitPrice: 3800 },
      { sku: 'AJ-GC-50', title: 'Gift Card £50', category: 'gift_card', fulfillment: rts, unitPrice: 5000 },
    ],
  },
  theor: {
    orderPrefix: 'TOR',
    carriers: { domestic: 'USPS', international: 'DHL Express' },
    abroad: 'GB',
    products: [
      { sku: 'TO-E-HUG-G', title: 'Huggie Hoops, gold', category: 'earrings', fulfillment: rts, unitPrice: 5200 },
      { sku: 'TO-E-HOOP-L', title: 'Everyday Hoops, large', category: 'earrings', fulfillment: rts, unitPrice: 6400 },
      { sku: 'TO-E-DROP', title: 'Pearl Drop Earrings', category: 'earrings', fulfillment: rts, unitPrice: 5800 },
      { sku: 'TO-R-DOME', title: 'Dome Ring, 14k', category: 'ring', fulfillment: rts, unitPrice: 16500 },
      { sku: 'TO-R-SIG', title: 'Oval Signet Ring', category: 'ring', fulfillment: rts, unitPrice: 11000 },
      {
        sku: 'TO-N-PAPER',
        title: 'Paperclip Chain Necklace, 18"',
        category: 'necklace',
        fulfillment: rts,
        unitPrice: 9600,
      },
      { sku: 'TO-N-COIN', title: 'Coin Pendant Necklace', category: 'necklace', fulfillment: rts, unitPrice: 10400 },
      { sku: 'TO-B-BEAD', title: 'Gold Bead Bracelet', category: 'bracelet', fulfillment: rts, unitPrice: 7400 },
      { sku: 'TO-B-TEN', title: 'Tennis Bracelet', category: 'bracelet', fulfillment: rts, unitPrice: 13200 },
    ],
  },
};

/** Products for a shop Loupe has no demo catalogue for (a sixth shop's policy). */
export const GENERIC_SHOP: DemoShop = {
  orderPrefix: 'DEMO',
  carriers: { domestic: 'Local Post', international: 'DHL Express' },
  abroad: 'US',
  products: [
    { sku: 'G-RING-1', title: 'Gold Band Ring', category: 'ring', fulfillment: rts, unitPrice: 7900 },
    {
      sku: 'G-RING-MTO',
      title: 'Custom Signet Ring (made to order)',
      category: 'ring',
      fulfillment: mto,
      unitPrice: 18900,
      personalized: true,
    },
    { sku: 'G-NECK-1', title: 'Pendant Necklace', category: 'necklace', fulfillment: rts, unitPrice: 8900 },
    { sku: 'G-BRAC-1', title: 'Chain Bracelet', category: 'bracelet', fulfillment: rts, unitPrice: 6900 },
    { sku: 'G-EAR-1', title: 'Hoop Earrings', category: 'earrings', fulfillment: rts, unitPrice: 4900 },
  ],
};

/** The demo catalogue of a shop. */
export function demoShop(shopId: string): DemoShop {
  return DEMO_CATALOGUE[shopId] ?? GENERIC_SHOP;
}

/** Customers' names for demo orders; emails are made from them at example.com. */
export const DEMO_CUSTOMERS = [
  'Ana Lima',
  'Priya Raman',
  'Chloe Martin',
  'Hannah Okafor',
  'Mei Chen',
  'Sofia Rossi',
  'Grace Kim',
  'Isla Murphy',
  'Lucía Fernández',
  'Zara Ahmed',
  'Emma Johansson',
  'Noor Haddad',
  'Olivia Brown',
  'Yuki Tanaka',
  'Amelia Clarke',
  'Leah Cohen',
  'Maya Patel',
  'Ruby Walsh',
  'Camille Dubois',
  'Jade Nguyen',
] as const;
