import { writeFileSync } from 'node:fs';
import { webApiFiles } from '../src/cli/commands/web-api-types.ts';

// `npm run web:api`: after changing a route, regenerate the web app's typed client.
const files = await webApiFiles();
for (const [path, text] of Object.entries(files)) writeFileSync(new URL(`../${path}`, import.meta.url), text);
process.stdout.write(`wrote ${Object.keys(files).join(', ')}\n`);
