import { Route, Routes, useParams } from 'react-router';
import { NotFound } from '../ui/not-found';
import { ShopFrame } from '../ui/shop-frame';
import { CasePage } from './case-page';
import { FindOrder } from './find-order';
import { OrderPage } from './order-page';
import { RequestFlow } from './request-flow';
import './portal.css';

/** A shop's customer portal: find an order, the order page, the request flow, the case page. */
export default function Portal() {
  const { shopId = '' } = useParams();
  return (
    <ShopFrame shopId={shopId}>
      <Routes>
        <Route index element={<FindOrder shopId={shopId} />} />
        <Route path="orders/:number" element={<OrderPage shopId={shopId} />} />
        <Route path="orders/:number/request" element={<RequestFlow shopId={shopId} />} />
        <Route path="cases/:caseId" element={<CasePage shopId={shopId} />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </ShopFrame>
  );
}
