import { Route, Routes, useParams } from 'react-router';
import { NotFound } from '../ui/not-found';
import { ShopFrame } from '../ui/shop-frame';

/** A shop's customer portal: find an order, the order page, the request flow, the case page. */
export default function Portal() {
  const { shopId = '' } = useParams();
  return (
    <ShopFrame shopId={shopId}>
      <Routes>
        <Route
          index
          element={
            <main id="main" className="page narrow">
              <h1>Find your order</h1>
            </main>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </ShopFrame>
  );
}
