import type { ReactNode } from 'react';
import { TableScroll } from '../ui/table-scroll';
import type { ShopHelp } from './help-api';
import { HelpPage, ShopWords } from './help-page';

type Guide = NonNullable<ShopHelp['sizeGuide']>;
type Table = { quote: string[]; note: string | null };

const mm = (n: number) => n.toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const inches = (millimetres: number) => (millimetres / 25.4).toLocaleString(undefined, { maximumFractionDigits: 2 });

/** Whose the rows are: the shop's own table, or a standard one the shop uses as a setting. */
function Provenance({ table, shopName }: { table: Table; shopName: string }) {
  return (
    <>
      <ShopWords quotes={table.quote} shopName={shopName} />
      {table.note ? (
        <p className="setting-note">
          <strong>Shop setting:</strong> the table below is a standard one, not {shopName}’s words — {table.note}.
        </p>
      ) : (
        <p className="hint">The table below is {shopName}’s own.</p>
      )}
    </>
  );
}

/** A table that scrolls sideways on a narrow screen, reachable by keyboard, named by its caption. */
function ScrollTable({ id, caption, children }: { id: string; caption: string; children: ReactNode }) {
  return (
    <TableScroll labelledBy={`${id}-caption`}>
      <table>
        <caption id={`${id}-caption`}>{caption}</caption>
        {children}
      </table>
    </TableScroll>
  );
}

function Rings({ rings, shopName }: { rings: NonNullable<Guide['rings']>; shopName: string }) {
  return (
    <section aria-labelledby="rings" className="size-section">
      <h2 id="rings">Ring sizes</h2>
      <Provenance table={rings} shopName={shopName} />
      <ScrollTable id="rings-table" caption="Ring sizes: US, UK and EU, with the inside diameter and circumference">
        <thead>
          <tr>
            <th scope="col">US</th>
            <th scope="col">UK</th>
            <th scope="col">EU</th>
            <th scope="col">Inside diameter (mm)</th>
            <th scope="col">Inside circumference (mm)</th>
          </tr>
        </thead>
        <tbody>
          {rings.rows.map((r) => (
            <tr key={r.us}>
              <th scope="row">{r.us}</th>
              <td>{r.uk}</td>
              <td>{r.eu}</td>
              <td>{mm(r.diameterMm)}</td>
              <td>{mm(r.circumferenceMm)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p className="hint">
        To find your size, wrap a strip of paper around the finger, mark where it meets, and measure the length in
        millimetres: that is the circumference. Or measure across the inside of a ring that fits.
      </p>
    </section>
  );
}

function Necklaces({ necklaces, shopName }: { necklaces: NonNullable<Guide['necklaces']>; shopName: string }) {
  return (
    <section aria-labelledby="necklaces" className="size-section">
      <h2 id="necklaces">Necklace lengths</h2>
      <Provenance table={necklaces} shopName={shopName} />
      <ScrollTable id="necklaces-table" caption="Necklace lengths, chokers first, and where each falls">
        <thead>
          <tr>
            <th scope="col">Length (inches)</th>
            <th scope="col">Length (cm)</th>
            <th scope="col">Style</th>
            <th scope="col">Where it falls</th>
          </tr>
        </thead>
        <tbody>
          {necklaces.rows.map((r) => (
            <tr key={r.inches}>
              <th scope="row">{r.inches}″</th>
              <td>{r.cm}</td>
              <td>
                {r.name}
                {r.choker ? <span className="badge">choker</span> : null}
              </td>
              <td>{r.sits}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

function Earrings({ earrings, shopName }: { earrings: NonNullable<Guide['earrings']>; shopName: string }) {
  return (
    <section aria-labelledby="earrings" className="size-section">
      <h2 id="earrings">Earring sizes</h2>
      <Provenance table={earrings} shopName={shopName} />
      <ScrollTable id="earrings-table" caption="Earring sizes in millimetres: studs across the face, hoops across">
        <thead>
          <tr>
            <th scope="col">Size (mm)</th>
            <th scope="col">About (inches)</th>
            <th scope="col">Kind</th>
            <th scope="col">How it looks</th>
          </tr>
        </thead>
        <tbody>
          {earrings.rows.map((r) => (
            <tr key={`${r.mm}-${r.kind}`}>
              <th scope="row">{r.mm} mm</th>
              <td>{inches(r.mm)}</td>
              <td>{r.kind}</td>
              <td>{r.looks}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/** Ring sizes, necklace lengths and earring sizes, each marked as the shop's words or its setting. */
export function SizeGuidePage({ shopId }: { shopId: string }) {
  return (
    <HelpPage shopId={shopId} title="Size guide">
      {(help) => {
        const guide = help.sizeGuide;
        if (!guide) return <p>{help.shop.name} has no size guide here. Its product pages give each piece’s size.</p>;
        const name = help.shop.name;
        return (
          <>
            <ShopWords quotes={guide.quote} shopName={name} />
            <nav aria-label="Size tables" className="toc">
              <ul>
                {guide.rings ? (
                  <li>
                    <a href="#rings">Rings</a>
                  </li>
                ) : null}
                {guide.necklaces ? (
                  <li>
                    <a href="#necklaces">Necklaces</a>
                  </li>
                ) : null}
                {guide.earrings ? (
                  <li>
                    <a href="#earrings">Earrings</a>
                  </li>
                ) : null}
              </ul>
            </nav>
            {guide.rings ? <Rings rings={guide.rings} shopName={name} /> : null}
            {guide.necklaces ? <Necklaces necklaces={guide.necklaces} shopName={name} /> : null}
            {guide.earrings ? <Earrings earrings={guide.earrings} shopName={name} /> : null}
          </>
        );
      }}
    </HelpPage>
  );
}
