import { buildServer } from '../../http/build-server.ts';
import { loadBundledPolicies } from '../../policies/load-policy-file.ts';

/** The API's OpenAPI document, as served at /docs/json, read without a database or a socket. */
export async function openApiText(): Promise<string> {
  const app = buildServer({ policies: loadBundledPolicies() });
  try {
    const res = await app.inject('/docs/json');
    return `${JSON.stringify(res.json(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

/** `loupe openapi`: prints the OpenAPI document, for generating clients (the web app's included). */
export async function openApiCommand(): Promise<number> {
  process.stdout.write(await openApiText());
  return 0;
}
