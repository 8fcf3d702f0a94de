#!/usr/bin/env node
// Loupe's command line. The source is TypeScript, run through tsx's loader so
// there is no build step between a change and the command.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
