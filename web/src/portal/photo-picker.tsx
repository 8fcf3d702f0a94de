/** A photo as POST /cases/{id}/messages takes it. */
export type Photo = { filename: string; contentType: string; data: string };

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,application/pdf';

/** The files' bytes in base64, as the messages route takes attachments. */
export async function readPhotos(files: File[]): Promise<Photo[]> {
  return Promise.all(
    files.map(async (f) => {
      const bytes = new Uint8Array(await f.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { filename: f.name, contentType: f.type || 'application/octet-stream', data: btoa(binary) };
    }),
  );
}

/** Photos of the piece (or a PDF), up to 10 MB each. */
export function PhotoPicker({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  return (
    <div className="field">
      <label htmlFor="photos">Photos (optional)</label>
      <input
        id="photos"
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby="photos-hint"
        onChange={(e) => onChange(Array.from(e.target.files ?? []))}
      />
      <p className="hint" id="photos-hint">
        JPEG, PNG, WebP, HEIC or PDF, up to 10 MB each.
        {files.length > 0 ? ` ${files.length} chosen: ${files.map((f) => f.name).join(', ')}.` : ''}
      </p>
    </div>
  );
}
