import type { ShopHelp } from './help-api';
import { HelpPage } from './help-page';

type PolicyItem = ShopHelp['policy']['sections'][number]['items'][number];

/** The shop's sentences, then Loupe's lines about them (plain words, settings, contact). */
function Item({ item }: { item: PolicyItem }) {
  return (
    <div className="policy-item">
      {item.quotes.length > 0 ? (
        <blockquote className="quote">
          {item.quotes.map((q) => (
            <p key={q}>{q}</p>
          ))}
        </blockquote>
      ) : null}
      {item.lines.map((line) => (
        <p key={`${line.label ?? ''}${line.text}`}>
          {line.label ? <strong>{line.label}: </strong> : null}
          {line.href ? <a href={line.href}>{line.text}</a> : line.text}
        </p>
      ))}
    </div>
  );
}

/** The policy page, drawn from the policy in force: the same sections as its HTML page. */
export function PolicyPage({ shopId }: { shopId: string }) {
  return (
    <HelpPage shopId={shopId} title={(help) => help.policy.title}>
      {(help) => (
        <>
          {help.policy.intro.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <nav aria-label="Policy sections" className="toc">
            <ul>
              {help.policy.sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>{s.heading}</a>
                </li>
              ))}
            </ul>
          </nav>
          {help.policy.sections.map((s) => (
            <section key={s.id} aria-labelledby={s.id} className="policy-section">
              <h2 id={s.id}>{s.heading}</h2>
              {s.items.map((item) => (
                <Item key={`${item.quotes.join('|')}${item.lines.map((l) => l.text).join('|')}`} item={item} />
              ))}
            </section>
          ))}
          <p className="muted">{help.policy.footer}</p>
        </>
      )}
    </HelpPage>
  );
}
