import { Link, useParams } from 'react-router';
import { type FaqEntry, faqByTopic, helpPath } from './help-api';
import { HelpPage, ShopWords } from './help-page';
import { OrderLookUp } from './order-look-up';

/** One question and the shop's answer; on an answer about one order, the way to the order look-up. */
function Answer({ shopId, shopName, entry }: { shopId: string; shopName: string; entry: FaqEntry }) {
  return (
    <article aria-labelledby={entry.id} className="faq-entry">
      <h3 id={entry.id}>
        <Link to={helpPath(shopId, `faq/${entry.id}`)}>{entry.question}</Link>
      </h3>
      <ShopWords quotes={entry.answer} shopName={shopName} />
      <OrderLookUp shopId={shopId} entry={entry} />
    </article>
  );
}

/** Every question of the shop, by topic. */
export function FaqPage({ shopId }: { shopId: string }) {
  return (
    <HelpPage shopId={shopId} title="Questions and answers">
      {(help) => {
        const topics = faqByTopic(help.faq);
        if (topics.length === 0)
          return <p>{help.shop.name} has no questions and answers here yet. Its policy page says what it promises.</p>;
        return (
          <>
            <p>Each answer is {help.shop.name}’s own words, from its customer care page.</p>
            <nav aria-label="Topics" className="toc">
              <ul>
                {topics.map((t) => (
                  <li key={t.slug}>
                    <a href={`#${t.slug}`}>{t.topic}</a>
                  </li>
                ))}
              </ul>
            </nav>
            {topics.map((t) => (
              <section key={t.slug} aria-labelledby={t.slug}>
                <h2 id={t.slug}>{t.topic}</h2>
                {t.entries.map((entry) => (
                  <Answer key={entry.id} shopId={shopId} shopName={help.shop.name} entry={entry} />
                ))}
              </section>
            ))}
          </>
        );
      }}
    </HelpPage>
  );
}

/** One question on a page of its own, where search results lead. */
export function AnswerPage({ shopId }: { shopId: string }) {
  const { entryId = '' } = useParams();
  return (
    <HelpPage
      shopId={shopId}
      title={(help) => help.faq.find((e) => e.id === entryId)?.question ?? 'Question not found'}
    >
      {(help) => {
        const entry = help.faq.find((e) => e.id === entryId);
        if (!entry)
          return (
            <p>
              {help.shop.name} has no such question. See <Link to={helpPath(shopId, 'faq')}>all its questions</Link>.
            </p>
          );
        const related = help.faq.filter((e) => e.topic === entry.topic && e.id !== entry.id);
        return (
          <>
            <p className="muted">{entry.topic}</p>
            <ShopWords quotes={entry.answer} shopName={help.shop.name} />
            <OrderLookUp shopId={shopId} entry={entry} />
            {related.length > 0 ? (
              <section aria-labelledby="related-heading">
                <h2 id="related-heading">More about {entry.topic.toLowerCase()}</h2>
                <ul>
                  {related.map((e) => (
                    <li key={e.id}>
                      <Link to={helpPath(shopId, `faq/${e.id}`)}>{e.question}</Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <p>
              <Link to={helpPath(shopId, 'faq')}>All questions</Link>
            </p>
          </>
        );
      }}
    </HelpPage>
  );
}
