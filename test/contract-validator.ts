import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The shared contract folder, beside the project as CI lays it out. */
export const CONTRACT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/contract');

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);

const load = (name: string) => JSON.parse(readFileSync(path.join(CONTRACT_DIR, name), 'utf8'));

/** Validates against the contract's decision.schema.json; `errors` says why not. */
export const validateDecision = ajv.compile(load('decision.schema.json'));
/** Validates against the contract's case.schema.json. */
export const validateCase = ajv.compile(load('case.schema.json'));
