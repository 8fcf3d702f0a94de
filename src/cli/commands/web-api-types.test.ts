import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webApiFiles } from './web-api-types.ts';

describe('the web app’s typed API client', () => {
  it('is generated from the API as it is now: run `npm run web:api` after changing a route', async () => {
    const files = await webApiFiles();
    for (const [path, text] of Object.entries(files)) {
      expect(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'), path).toBe(text);
    }
  });
});
