import { Route, Routes, useParams } from 'react-router';
import { NotFound } from '../ui/not-found';
import { ShopFrame } from '../ui/shop-frame';
import { AnswerPage, FaqPage } from './faq-page';
import { HelpHome } from './help-home';
import { PolicyPage } from './policy-page';
import { SizeGuidePage } from './size-guide-page';
import './help.css';

/** A shop's help center: search, the questions by topic, the policy, the size guide. */
export default function Help() {
  const { shopId = '' } = useParams();
  return (
    <ShopFrame shopId={shopId}>
      <Routes>
        <Route index element={<HelpHome shopId={shopId} />} />
        <Route path="faq" element={<FaqPage shopId={shopId} />} />
        <Route path="faq/:entryId" element={<AnswerPage shopId={shopId} />} />
        <Route path="policy" element={<PolicyPage shopId={shopId} />} />
        <Route path="size-guide" element={<SizeGuidePage shopId={shopId} />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </ShopFrame>
  );
}
