import { Route, Routes, useParams } from 'react-router';
import { NotFound } from '../ui/not-found';
import { ShopFrame } from '../ui/shop-frame';

/** A shop's help center: the policy, the FAQ, the size guide, search. */
export default function Help() {
  const { shopId = '' } = useParams();
  return (
    <ShopFrame shopId={shopId}>
      <Routes>
        <Route
          index
          element={
            <main id="main" className="page">
              <h1>Help</h1>
            </main>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </ShopFrame>
  );
}
