import Assembler from 'stream-json/assembler.js';
import { jsonParser, type Token } from 'stream-json/parser.js';
import { type ByteSource, type SourceRecord, unreadable, utf8Chunks } from './source-record.ts';

/** How the records of a JSON file are laid out. */
export type JsonLayout = 'document' | 'lines';

/** The first line is read whole to tell JSON Lines from a document; a longer first line is a (minified) document. */
const PEEK_LIMIT = 1024 * 1024;

/**
 * Streams the orders of a JSON file, whichever way it holds them: one order
 * object (also `{ "order": … }`), an array of them, `{ "orders": [ … ] }` as
 * the REST API answers, or JSON Lines, one per line (a line may be an
 * `{ "orders": … }` page). Memory holds one order at a time, however big
 * the file. Each order comes with the line it starts on.
 *
 * The layout is detected unless given: a file whose first line is a JSON
 * value by itself is JSON Lines, and a line that is not JSON is reported
 * while the next ones are read. In a document (an array, or an object over
 * several lines), broken JSON stops the reading (`unreadable`, with its line):
 * nothing after it can be trusted.
 */
export async function* readJsonRecords(source: ByteSource, layout?: JsonLayout): AsyncGenerator<SourceRecord<unknown>> {
  const chunks = utf8Chunks(source);
  let head = '';
  let ended = false;
  let detected = layout;
  while (detected === undefined) {
    const start = head.search(/\S/);
    if (start >= 0 && head[start] !== '{') {
      if (head[start] !== '[') {
        const line = head.slice(0, start).split('\n').length;
        throw unreadable(line, 'not JSON: an order file holds an order object, an array of them, or JSON Lines');
      }
      detected = 'document';
      break;
    }
    if (start < 0 && ended) return;
    const newline = start >= 0 ? head.indexOf('\n', start) : -1;
    if (start >= 0 && (newline >= 0 || ended || head.length > PEEK_LIMIT)) {
      const first = head.slice(start, newline >= 0 ? newline : undefined);
      detected = (newline >= 0 || ended) && isJson(first) ? 'lines' : 'document';
      break;
    }
    const next = await chunks.next();
    if (next.done) ended = true;
    else head += next.value;
  }
  const text = (async function* () {
    if (head) yield head;
    if (!ended) yield* chunks;
  })();
  yield* detected === 'lines' ? jsonLines(text) : jsonDocument(text);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A record's orders: a REST page (`{ "orders": [ … ] }`) holds several. */
function* ordersIn(value: unknown, line: number, counter: { index: number }): Generator<SourceRecord<unknown>> {
  const orders = value && typeof value === 'object' ? (value as { orders?: unknown }).orders : undefined;
  for (const order of Array.isArray(orders) ? orders : [value]) yield { line, index: ++counter.index, value: order };
}

async function* jsonLines(text: AsyncIterable<string>): AsyncGenerator<SourceRecord<unknown>> {
  const counter = { index: 0 };
  let line = 0;
  let carry = '';
  const read = function* (raw: string): Generator<SourceRecord<unknown>> {
    line++;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      const message = `not JSON: ${(err as Error).message}`;
      yield { line, index: ++counter.index, issue: { code: 'invalid_json', path: [], message, line } };
      return;
    }
    yield* ordersIn(value, line, counter);
  };
  for await (const chunk of text) {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop() ?? '';
    for (const raw of lines) yield* read(raw);
  }
  if (carry) yield* read(carry);
}

const VALUE_STARTS = new Set<Token['name']>([
  'startObject',
  'startArray',
  'stringValue',
  'numberValue',
  'nullValue',
  'trueValue',
  'falseValue',
]);

/**
 * A document through stream-json's tokenizer, fed a line at a time so that
 * each token is known to be on the line just fed (whitespace is not a token).
 * A record is a value inside the top-level array, inside the `orders` array
 * of the top-level object, or the top-level object itself.
 */
async function* jsonDocument(text: AsyncIterable<string>): AsyncGenerator<SourceRecord<unknown>> {
  const tokenize = jsonParser({ jsonStreaming: true, streamValues: false });
  const counter = { index: 0 };
  const done: SourceRecord<unknown>[] = [];
  let line = 1;
  let depth = 0;
  let recordDepth: number | undefined;
  let record: { asm: Assembler; line: number } | undefined;
  let top: { asm: Assembler; line: number } | undefined;
  let lastTopKey: string | undefined;

  const onToken = (t: Token) => {
    if (!record && recordDepth === depth && VALUE_STARTS.has(t.name)) record = { asm: new Assembler(), line };
    else if (!record && depth === 0 && VALUE_STARTS.has(t.name)) {
      if (t.name === 'startArray') recordDepth = 1;
      else top = { asm: new Assembler(), line };
    } else if (!record && top && depth === 1) {
      if (t.name === 'keyValue') lastTopKey = t.value;
      else if (t.name === 'startArray' && lastTopKey === 'orders') {
        // `{ "orders": [ … ] }`: its orders are the records; the rest of the wrapper is not kept.
        top = undefined;
        recordDepth = 2;
      }
    }
    if (record) record.asm.consume(t);
    else top?.asm.consume(t);
    if (t.name === 'startObject' || t.name === 'startArray') depth++;
    else if (t.name === 'endObject' || t.name === 'endArray') depth--;
    if (record?.asm.done) {
      done.push(...ordersIn(record.asm.current, record.line, counter));
      record = undefined;
    }
    if (depth === 0 && top?.asm.done) {
      done.push(...ordersIn(top.asm.current, top.line, counter));
      top = undefined;
    }
    if (depth < (recordDepth ?? 0)) recordDepth = undefined;
    if (depth === 0) lastTopKey = undefined;
  };

  const feed = (segment: string) => {
    let tokens: ReturnType<typeof tokenize>;
    try {
      tokens = tokenize(segment);
    } catch (err) {
      throw unreadable(line, `not JSON: ${(err as Error).message.replace(/^Parser /, '')}`);
    }
    if (typeof tokens !== 'symbol') for (const t of tokens.values) onToken(t);
  };

  for await (const chunk of text) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      feed(chunk.slice(from, nl + 1));
      line++;
      from = nl + 1;
      if (done.length > 0) yield* done.splice(0);
    }
    if (from < chunk.length) feed(chunk.slice(from));
    if (done.length > 0) yield* done.splice(0);
  }
  // A last number needs a character after it to end.
  feed('\n');
  yield* done.splice(0);
  if (depth > 0) throw unreadable(line, 'the JSON ends before the orders it opens are closed: the file is cut short');
}
