import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiFailure } from '../api/client';
import type { paths } from '../api/schema';
import { ErrorNote } from '../ui/error-note';
import { TableScroll } from '../ui/table-scroll';
import { type StaffSession, useStaffShops } from './staff-shops';

type ImportSummary =
  paths['/api/v1/shops/{id}/imports/shopify']['post']['responses'][200]['content']['application/json'];

/** The media type the import reads a file as, from its name: the CSV export, JSON Lines, or order JSON. */
export function mediaTypeOf(filename: string): string {
  const name = filename.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  return 'application/json';
}

function csrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)loupe_csrf=([^;]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/**
 * Sends the file as the request body. XMLHttpRequest, not the typed client:
 * fetch reports no upload progress, and a large export takes a while to send.
 */
function upload(shopId: string, file: File, onProgress: (fraction: number) => void): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/shops/${encodeURIComponent(shopId)}/imports/shopify`);
    xhr.setRequestHeader('Content-Type', mediaTypeOf(file.name));
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      if (xhr.status === 200) resolve(body as ImportSummary);
      else {
        const b = body as { code?: string; message?: string };
        reject(
          new ApiFailure(xhr.status, {
            code: b.code ?? `HTTP_${xhr.status}`,
            message: b.message ?? `The server answered ${xhr.status}.`,
          }),
        );
      }
    };
    xhr.onerror = () => reject(new Error('The file could not be sent: check the connection and try again.'));
    xhr.send(file);
  });
}

/** /desk/import: a Shopify order file (JSON, JSON Lines or the orders export CSV) into a shop, with a progress bar. */
export function ImportPage({ who }: { who: StaffSession }) {
  const queryClient = useQueryClient();
  const { served } = useStaffShops(who);
  const [shopId, setShopId] = useState('');
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [summary, setSummary] = useState<ImportSummary>();
  const [error, setError] = useState<unknown>();
  const chosenShop = shopId || served[0]?.id || '';
  const busy = progress !== undefined && summary === undefined && error === undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !chosenShop || busy) return;
    setSummary(undefined);
    setError(undefined);
    setProgress(0);
    try {
      setSummary(await upload(chosenShop, file, setProgress));
      setProgress(1);
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <main id="main" className="page">
      <h1>Import orders</h1>
      <p className="muted">
        A Shopify order file: the REST Admin order JSON (one order, an array or <code>{'{"orders": […]}'}</code>), JSON
        Lines, or the “Export orders” CSV. Known order numbers are updated, new ones added.
      </p>
      <form className="card" onSubmit={submit}>
        <div className="field">
          <label htmlFor="import-shop">Shop</label>
          <select id="import-shop" value={chosenShop} onChange={(e) => setShopId(e.target.value)}>
            {served.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">Order file</label>
          <input
            id="import-file"
            type="file"
            accept=".json,.jsonl,.ndjson,.csv,application/json,text/csv"
            required
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <div className="actions">
          <button type="submit" disabled={!file || busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
        {progress !== undefined ? (
          <div className="field">
            <label htmlFor="import-progress">
              {summary ? 'Imported' : busy && progress >= 1 ? 'Sent; importing' : 'Sending'}
            </label>
            <progress id="import-progress" max={1} value={progress} />
          </div>
        ) : null}
      </form>
      {error ? <ErrorNote error={error} title="Nothing was imported" /> : null}
      {summary ? <ImportSummaryView summary={summary} /> : null}
    </main>
  );
}

function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  return (
    <section className="card" aria-labelledby="import-summary-heading">
      <h2 id="import-summary-heading">Summary</h2>
      <p role="status">
        {summary.read} read: {summary.created} created, {summary.updated} updated, {summary.failed} not imported.
      </p>
      {summary.stopped ? (
        <p className="error-note">
          The file stopped being readable at line {summary.stopped.line}: {summary.stopped.message}. The orders before
          it were imported.
        </p>
      ) : null}
      {summary.failures.length ? (
        <TableScroll label="Orders not imported">
          <table>
            <caption>Orders not imported</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Order</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {summary.failures.map((f) => (
                <tr key={`${f.line}-${f.index}`}>
                  <td>{f.line}</td>
                  <td>{f.order ?? '—'}</td>
                  <td>
                    {f.issues.map((i) => (
                      <div key={`${i.path}-${i.code}`}>
                        {i.path ? <code>{i.path}</code> : null} {i.message}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {summary.refunds.length ? (
        <p className="muted">
          {summary.refundsSeen} refund{summary.refundsSeen === 1 ? '' : 's'} already made in Shopify were reported, not
          stored.
        </p>
      ) : null}
    </section>
  );
}
