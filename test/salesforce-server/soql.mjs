/**
 * A small SOQL parser and evaluator: the subset Baton sends. It parses the text for real and throws a
 * SoqlError (answered as MALFORMED_QUERY) for anything outside it:
 *
 *   SELECT f1, f2, Rel.F FROM Object [WHERE cond] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST] {, …}]
 *   [LIMIT n] [OFFSET n]
 *
 * Conditions: `field op value` (`= != <> < > <= >=`), `field [NOT] IN (v, …)`, `field LIKE 'pat'`,
 * joined by AND, OR, NOT and parentheses. As in Salesforce, AND and OR cannot be mixed at one level
 * without parentheses ("Parentheses are required whenever you mix the operators"); NOT applies to the
 * expression right after it. Keywords are case-insensitive.
 *
 * Binding field names to a schema (unknown fields, filterability, literal types) is org.mjs's job:
 * it attaches a `binding` to every field reference before `test` and `sortRecords` run.
 */

export class SoqlError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'SoqlError';
  }
}

/**
 * @typedef {{ kind: 'word', text: string, upper: string, at: number }
 *   | { kind: 'string', value: string, pattern: string, raw: string, at: number }
 *   | { kind: 'number', value: number, raw: string, at: number }
 *   | { kind: 'date', value: string, raw: string, at: number }
 *   | { kind: 'datetime', value: number, raw: string, at: number }
 *   | { kind: 'op', text: string, at: number }
 *   | { kind: 'punct', text: string, at: number }} Token
 */
/**
 * @typedef {{ kind: 'string', value: string, pattern: string }
 *   | { kind: 'number', value: number }
 *   | { kind: 'boolean', value: boolean }
 *   | { kind: 'null', value: null }
 *   | { kind: 'date', value: string }
 *   | { kind: 'datetime', value: number }} Literal
 */
/** @typedef {{ type: string, get: (record: any) => unknown }} Binding */
/** @typedef {{ path: string[], text: string, binding?: Binding }} FieldRef */
/**
 * @typedef {{ type: 'and' | 'or', items: Condition[] }
 *   | { type: 'not', item: Condition }
 *   | { type: 'compare', field: FieldRef, op: string, value: Literal }
 *   | { type: 'in', field: FieldRef, negate: boolean, values: Literal[] }
 *   | { type: 'like', field: FieldRef, value: Literal & { kind: 'string' }, regex?: RegExp }} Condition
 */
/** @typedef {{ field: FieldRef, descending: boolean, nullsLast: boolean }} OrderItem */
/**
 * @typedef {{ fields: FieldRef[], object: string, where: Condition | null, orderBy: OrderItem[],
 *   limit: number | null, offset: number | null }} Query
 */

const ESCAPES = /** @type {Record<string, string>} */ ({
  "'": "'",
  '"': '"',
  '\\': '\\',
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
});
const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'ORDER',
  'BY',
  'LIMIT',
  'OFFSET',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'GROUP',
  'HAVING',
  'WITH',
  'FOR',
  'USING',
  'TYPEOF',
  'INCLUDES',
  'EXCLUDES',
  'NULL',
  'TRUE',
  'FALSE',
]);

/** @param {string} text */
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const DATETIME_TAIL = /^T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})/;

/** Whether y-m-d is a calendar date. @param {number} y @param {number} m @param {number} d */
export function isCalendarDate(y, m, d) {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** @param {string} text @returns {Token[]} */
export function tokenize(text) {
  /** @type {Token[]} */
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = /** @type {string} */ (text[i]);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (c === "'") {
      i++;
      let value = '';
      let pattern = '';
      for (;;) {
        if (i >= text.length) throw new SoqlError(`Unterminated string literal: ${text.slice(at)}`);
        const ch = /** @type {string} */ (text[i]);
        if (ch === "'") {
          i++;
          break;
        }
        if (ch === '\\') {
          const next = text[i + 1] ?? '';
          const mapped = ESCAPES[next];
          if (mapped !== undefined) {
            value += mapped;
            pattern += escapeRegex(mapped);
          } else if (next === '%' || next === '_') {
            value += next;
            pattern += escapeRegex(next);
          } else {
            throw new SoqlError(
              `Invalid string literal '${text.slice(at + 1, i + 2)}'. Illegal character sequence '\\${next}' in string literal.`,
            );
          }
          i += 2;
          continue;
        }
        value += ch;
        pattern += ch === '%' ? '.*' : ch === '_' ? '.' : escapeRegex(ch);
        i++;
      }
      tokens.push({ kind: 'string', value, pattern, raw: text.slice(at, i), at });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(i));
      const word = /** @type {string} */ (match?.[0]);
      i += word.length;
      if (text[i] === '.') throw new SoqlError(`unexpected token: '${text.slice(at, i + 1)}'`);
      tokens.push({ kind: 'word', text: word, upper: word.toUpperCase(), at });
      continue;
    }
    if (/[0-9]/.test(c) || ((c === '-' || c === '+') && /[0-9]/.test(text[i + 1] ?? ''))) {
      const rest = text.slice(i);
      const date = DATE.exec(rest);
      if (date && /[0-9]/.test(c)) {
        const [, y, m, d] = date.map(Number);
        if (!isCalendarDate(/** @type {number} */ (y), /** @type {number} */ (m), /** @type {number} */ (d)))
          throw new SoqlError(`unexpected token: '${date[0]}'`);
        const tail = DATETIME_TAIL.exec(rest.slice(date[0].length));
        if (tail) {
          const raw = date[0] + tail[0];
          const [, hh, mm, ss] = tail.map(Number);
          if (
            /** @type {number} */ (hh) > 23 ||
            /** @type {number} */ (mm) > 59 ||
            /** @type {number} */ (ss) > 59
          )
            throw new SoqlError(`unexpected token: '${raw}'`);
          const value = Date.parse(raw);
          if (!Number.isFinite(value)) throw new SoqlError(`unexpected token: '${raw}'`);
          i += raw.length;
          tokens.push({ kind: 'datetime', value, raw, at });
        } else {
          if (rest[date[0].length] === 'T') throw new SoqlError(`unexpected token: '${rest.split(/\s/)[0]}'`);
          i += date[0].length;
          tokens.push({ kind: 'date', value: date[0], raw: date[0], at });
        }
      } else {
        const number = /^[+-]?\d+(\.\d+)?/.exec(rest);
        const raw = /** @type {string} */ (number?.[0]);
        i += raw.length;
        tokens.push({ kind: 'number', value: Number(raw), raw, at });
      }
      if (/[A-Za-z0-9_.:-]/.test(text[i] ?? ''))
        throw new SoqlError(`unexpected token: '${text.slice(at).split(/[\s,)]/)[0]}'`);
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=' || two === '<>') {
      tokens.push({ kind: 'op', text: two === '<>' ? '!=' : two, at });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', text: c, at });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c, at });
      i++;
      continue;
    }
    throw new SoqlError(`unexpected token: '${c}'`);
  }
  return tokens;
}

/** @param {Token | undefined} token */
const describeToken = (token) =>
  token === undefined
    ? "unexpected token: '<EOF>'"
    : `unexpected token: '${'raw' in token ? token.raw : token.text}'`;

/**
 * Parses a SOQL query of the supported subset.
 * @param {string} text @returns {Query}
 */
export function parseSoql(text) {
  if (typeof text !== 'string' || text.trim() === '') throw new SoqlError('unexpected token: <EOF>');
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  /** @param {string} upper */
  const isWord = (upper, token = peek()) => token?.kind === 'word' && token.upper === upper;
  /** @param {string} upper */
  const expectWord = (upper) => {
    const token = peek();
    if (!isWord(upper, token)) throw new SoqlError(describeToken(token));
    pos++;
  };
  /** @param {string} symbol */
  const isPunct = (symbol, token = peek()) => token?.kind === 'punct' && token.text === symbol;
  /** @param {string} symbol */
  const expectPunct = (symbol) => {
    if (!isPunct(symbol)) throw new SoqlError(describeToken(peek()));
    pos++;
  };
  /** @returns {FieldRef} */
  const fieldRef = () => {
    const token = peek();
    if (token?.kind !== 'word' || RESERVED.has(token.upper)) throw new SoqlError(describeToken(token));
    pos++;
    if (isPunct('(')) throw new SoqlError(`Functions are not supported by the test server: ${token.text}(…)`);
    return { path: token.text.split('.'), text: token.text };
  };
  const integer = () => {
    const token = peek();
    if (token?.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0)
      throw new SoqlError(describeToken(token));
    pos++;
    return token.value;
  };
  /** @returns {Literal} */
  const literal = () => {
    const token = peek();
    pos++;
    if (token?.kind === 'string') return { kind: 'string', value: token.value, pattern: token.pattern };
    if (token?.kind === 'number') return { kind: 'number', value: token.value };
    if (token?.kind === 'date') return { kind: 'date', value: token.value };
    if (token?.kind === 'datetime') return { kind: 'datetime', value: token.value };
    if (token?.kind === 'word') {
      if (token.upper === 'TRUE') return { kind: 'boolean', value: true };
      if (token.upper === 'FALSE') return { kind: 'boolean', value: false };
      if (token.upper === 'NULL') return { kind: 'null', value: null };
    }
    throw new SoqlError(describeToken(token));
  };
  const literalList = () => {
    expectPunct('(');
    const values = [literal()];
    while (isPunct(',')) {
      pos++;
      values.push(literal());
    }
    expectPunct(')');
    return values;
  };
  /** @returns {Condition} */
  const simple = () => {
    if (isWord('NOT')) {
      pos++;
      return { type: 'not', item: simple() };
    }
    if (isPunct('(')) {
      pos++;
      const inner = condition();
      expectPunct(')');
      return inner;
    }
    const field = fieldRef();
    const token = peek();
    if (token?.kind === 'op') {
      pos++;
      return { type: 'compare', field, op: token.text, value: literal() };
    }
    if (isWord('IN')) {
      pos++;
      return { type: 'in', field, negate: false, values: literalList() };
    }
    if (isWord('NOT') && isWord('IN', tokens[pos + 1])) {
      pos += 2;
      return { type: 'in', field, negate: true, values: literalList() };
    }
    if (isWord('LIKE')) {
      pos++;
      const value = literal();
      if (value.kind !== 'string') throw new SoqlError('LIKE takes a string literal in single quotes');
      return { type: 'like', field, value };
    }
    throw new SoqlError(describeToken(token));
  };
  /** @returns {Condition} */
  const condition = () => {
    const first = simple();
    const next = peek();
    if (!isWord('AND', next) && !isWord('OR', next)) return first;
    const joiner = /** @type {{ upper: string }} */ (next).upper;
    const items = [first];
    while (isWord('AND') || isWord('OR')) {
      if (!isWord(joiner)) throw new SoqlError(describeToken(peek()));
      pos++;
      items.push(simple());
    }
    return { type: joiner === 'AND' ? 'and' : 'or', items };
  };

  expectWord('SELECT');
  const fields = [fieldRef()];
  while (isPunct(',')) {
    pos++;
    if (isPunct('(')) throw new SoqlError('Subqueries are not supported by the test server');
    fields.push(fieldRef());
  }
  expectWord('FROM');
  const objectToken = peek();
  if (objectToken?.kind !== 'word' || RESERVED.has(objectToken.upper) || objectToken.text.includes('.'))
    throw new SoqlError(describeToken(objectToken));
  pos++;
  /** @type {Query} */
  const query = { fields, object: objectToken.text, where: null, orderBy: [], limit: null, offset: null };
  if (isWord('WHERE')) {
    pos++;
    query.where = condition();
  }
  if (isWord('ORDER')) {
    pos++;
    expectWord('BY');
    for (;;) {
      const field = fieldRef();
      let descending = false;
      if (isWord('ASC')) pos++;
      else if (isWord('DESC')) {
        pos++;
        descending = true;
      }
      let nullsLast = descending;
      if (isWord('NULLS')) {
        pos++;
        if (isWord('FIRST')) nullsLast = false;
        else if (isWord('LAST')) nullsLast = true;
        else throw new SoqlError(describeToken(peek()));
        pos++;
      }
      query.orderBy.push({ field, descending, nullsLast });
      if (!isPunct(',')) break;
      pos++;
    }
  }
  if (isWord('LIMIT')) {
    pos++;
    query.limit = integer();
  }
  if (isWord('OFFSET')) {
    pos++;
    query.offset = integer();
  }
  if (pos < tokens.length) throw new SoqlError(describeToken(peek()));
  return query;
}

// --- evaluation (on bound queries) ---

/** Text-like Salesforce field types, compared without regard to case. */
export const TEXT_TYPES = new Set(['string', 'picklist', 'email', 'phone', 'url', 'textarea', 'combobox']);
const ID_TYPES = new Set(['id', 'reference']);

/** An instant from a Salesforce datetime (`…+0000`, `…Z`, `…+01:00`). @param {unknown} value */
export function instant(value) {
  if (typeof value !== 'string') return Number.NaN;
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/**
 * Orders two non-null values of a field type; NaN when they cannot be compared.
 * @param {string} type @param {unknown} a @param {unknown} b
 */
export function compareValues(type, a, b) {
  if (type === 'int' || type === 'double' || type === 'currency' || type === 'percent') {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) ? x - y : Number.NaN;
  }
  if (type === 'datetime') {
    const x = typeof a === 'number' ? a : instant(a);
    const y = typeof b === 'number' ? b : instant(b);
    return Number.isFinite(x) && Number.isFinite(y) ? x - y : Number.NaN;
  }
  if (type === 'boolean') return Number(a === true) - Number(b === true);
  if (ID_TYPES.has(type)) {
    const x = String(a).slice(0, 15);
    const y = String(b).slice(0, 15);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = TEXT_TYPES.has(type) ? String(a).toLowerCase() : String(a);
  const y = TEXT_TYPES.has(type) ? String(b).toLowerCase() : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** @param {unknown} value */
const isNull = (value) => value === null || value === undefined || value === '';

/** @param {Condition} cond @param {unknown} record @returns {boolean} */
export function test(cond, record) {
  switch (cond.type) {
    case 'and':
      return cond.items.every((item) => test(item, record));
    case 'or':
      return cond.items.some((item) => test(item, record));
    case 'not':
      return !test(cond.item, record);
    case 'compare': {
      const binding = /** @type {Binding} */ (cond.field.binding);
      const actual = binding.get(record);
      if (cond.value.kind === 'null')
        return cond.op === '=' ? isNull(actual) : cond.op === '!=' && !isNull(actual);
      if (isNull(actual)) return cond.op === '!=';
      const order = compareValues(binding.type, actual, cond.value.value);
      if (Number.isNaN(order)) return cond.op === '!=';
      switch (cond.op) {
        case '=':
          return order === 0;
        case '!=':
          return order !== 0;
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        default:
          return order >= 0;
      }
    }
    case 'in': {
      const binding = /** @type {Binding} */ (cond.field.binding);
      const actual = binding.get(record);
      const found = cond.values.some((value) =>
        value.kind === 'null'
          ? isNull(actual)
          : !isNull(actual) && compareValues(binding.type, actual, value.value) === 0,
      );
      return cond.negate ? !found : found;
    }
    case 'like': {
      const binding = /** @type {Binding} */ (cond.field.binding);
      const actual = binding.get(record);
      if (isNull(actual)) return false;
      cond.regex ??= new RegExp(`^${cond.value.pattern}$`, 'is');
      return cond.regex.test(String(actual));
    }
  }
}

/**
 * Sorts in place by the ORDER BY items (nulls first ascending, last descending, unless told).
 * @template T @param {T[]} records @param {OrderItem[]} orderBy @returns {T[]}
 */
export function sortRecords(records, orderBy) {
  if (orderBy.length === 0) return records;
  return records.sort((left, right) => {
    for (const item of orderBy) {
      const binding = /** @type {Binding} */ (item.field.binding);
      const a = binding.get(left);
      const b = binding.get(right);
      if (isNull(a) && isNull(b)) continue;
      if (isNull(a)) return item.nullsLast ? 1 : -1;
      if (isNull(b)) return item.nullsLast ? -1 : 1;
      const order = compareValues(binding.type, a, b);
      if (order !== 0 && !Number.isNaN(order)) return item.descending ? -order : order;
    }
    return 0;
  });
}

/** Every field reference of a condition. @param {Condition | null} cond @returns {FieldRef[]} */
export function conditionFields(cond) {
  if (!cond) return [];
  if (cond.type === 'and' || cond.type === 'or') return cond.items.flatMap(conditionFields);
  if (cond.type === 'not') return conditionFields(cond.item);
  return [cond.field];
}

/** Every (field, literal) pair of a condition. @param {Condition | null} cond @returns {Array<{ field: FieldRef, value: Literal, like: boolean }>} */
export function conditionLiterals(cond) {
  if (!cond) return [];
  if (cond.type === 'and' || cond.type === 'or') return cond.items.flatMap(conditionLiterals);
  if (cond.type === 'not') return conditionLiterals(cond.item);
  if (cond.type === 'in') return cond.values.map((value) => ({ field: cond.field, value, like: false }));
  return [{ field: cond.field, value: cond.value, like: cond.type === 'like' }];
}
