// A strict in-memory stand-in for the subset of the Excel JavaScript API the add-in uses.
// Like Excel, it queues every call and does the work only at context.sync(); reading a
// property that was not loaded (or not yet synced) throws; each sync is counted and the
// request and response payloads are measured, and in 'web' mode a sync over the 5 MB limit
// fails with Excel's own error codes. No Node imports: the e2e test runs it in Chromium.
//
// Modelled as real Excel behaves (docs/addin.md cites the sources):
// - an API level (ExcelApi 1.1 … 1.20): a call from a newer set fails the sync with
//   ApiNotFound, as an older Excel does;
// - merged areas: the value sits in the top-left cell only, the others read as '';
//   Range.getMergedAreasOrNullObject (1.13) lists them as "Sheet!A1:B2, Sheet!C3:C5";
// - the 1904 date system: DATE() through workbook.functions (1.2) answers in it;
// - a range read at once is limited to five million cells on every platform;
// - writing values or numberFormat: a 2-D array must have the range's rows and columns, else
//   InvalidArgument; a single value (not an array) goes to every cell ("Update all cells in a
//   range", Excel JavaScript API core concepts); null inside an array leaves that cell as it
//   is, '' resets a number format to General; a bare null, or any cell-level write to an
//   unbounded range (A:B, 2:3), is refused;
// - format.fill.color takes "#RRGGBB" or "RRGGBB" and reads back as "#RRGGBB";
//   format.horizontalAlignment and verticalAlignment take the Excel.HorizontalAlignment and
//   VerticalAlignment names (all ExcelApi 1.1).
// Known differences: the error code for more than 512 merged areas in one
// getMergedAreasOrNullObject, and for a range over five million cells, is not documented;
// the fake uses GeneralException and ResponsePayloadSizeLimitExceeded (the message Microsoft
// documents for Office Scripts hitting either limit). Error values (#N/A, #REF!) are strings
// in `values`, as in Excel; `valueTypes` is not modelled (the add-in does not read it).
// Formats are set, never read back through the API: fill colour, alignment and bold can only be
// written (reading them throws as not loaded), and the test reads them from the state. Named
// HTML colours ("orange"), which Excel takes for a fill, are refused here: the add-in sends
// hex only. Excel's error code for an unbounded write is not documented (InvalidArgument here).

export type Scalar = string | number | boolean;

export interface FakeValidation {
  /** 0-based top-left row and column, size. */
  row: number;
  col: number;
  rows: number;
  cols: number;
  rule: unknown;
  errorAlert?: unknown;
}

export interface FakeSheet {
  name: string;
  /** Dense from A1; '' is an empty cell. */
  values: Scalar[][];
  formats: string[][];
  validations: FakeValidation[];
  /** Merged areas, 0-based boxes. */
  merges: Box[];
  /** Cell keys "r,c" whose font was made bold. */
  bold: Set<string>;
  /** Cell keys "r,c" → fill colour as Excel reads it back, "#RRGGBB". */
  fills: Map<string, string>;
  /** Cell keys "r,c" → alignment names as set ('Center', 'Bottom'…). */
  alignments: Map<string, { horizontal?: string; vertical?: string }>;
  columnWidths: Map<number, number>;
  frozenRows: number;
}

export interface FakeOptions {
  /** 'web' enforces the 5 MB request/response limit of Excel on the web. */
  platform?: 'desktop' | 'web';
  payloadLimit?: number;
  /** The highest ExcelApi set this Excel has, e.g. '1.1' (Office 2016), '1.7' (2019 volume). */
  apiLevel?: string;
  /** Cells one read may return: five million in Excel, smaller in tests. */
  cellLimit?: number;
}

/** The newest set the fake knows; the default level. */
export const LATEST_API = '1.20';

/** -1, 0 or 1 as ExcelApi version a is below, equal to or above b ('1.9' < '1.13'). */
export function compareApi(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am !== bm ? Math.sign(am - bm) : Math.sign(an - bn);
}

/** Office.context.requirements.isSetSupported('ExcelApi', v) at a level. */
export function supportsAt(level: string) {
  return (version: string) => compareApi(version, level) <= 0;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  calculationSuspended: boolean;
  /** Cells whose values this sync returned. */
  cellsRead?: number;
}

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_LIMIT = 5_000_000;
/** getMergedAreasOrNullObject fails above this many areas in the range. */
export const MERGE_LIMIT = 512;

export interface SeedSheetSpec {
  name: string;
  values: Scalar[][];
  formats?: string[][];
  /** Merged areas as A1 ranges ('B3:B5'). */
  merges?: string[];
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Every sync of every context made on this workbook. */
  syncs: SyncRecord[] = [];

  constructor(
    sheets: SeedSheetSpec[] = [],
    /** Excel → Options → Advanced → "Use 1904 date system" (workbookPr date1904). */
    readonly date1904 = false,
  ) {
    for (const s of sheets) this.addSheet(s.name, s.values, s.formats, s.merges);
    this.activeSheet = this.sheets[0]?.name ?? null;
  }

  addSheet(
    name: string,
    values: Scalar[][] = [],
    formats?: string[][],
    merges: string[] = [],
  ): FakeSheet {
    const sheet: FakeSheet = {
      name,
      values: values.map((r) => [...r]),
      formats: formats ? formats.map((r) => [...r]) : values.map((r) => r.map(() => 'General')),
      validations: [],
      merges: merges.map(parseA1),
      bold: new Set(),
      fills: new Map(),
      alignments: new Map(),
      columnWidths: new Map(),
      frozenRows: 0,
    };
    // Excel keeps a merged area's value in its top-left cell only: the rest are empty.
    for (const m of sheet.merges)
      for (let r = m.row; r < m.row + m.rows; r++)
        for (let c = m.col; c < m.col + m.cols; c++)
          if ((r !== m.row || c !== m.col) && sheet.values[r] && c < sheet.values[r].length)
            sheet.values[r][c] = '';
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The sheet's cells as a person would copy them: trailing empties trimmed. */
  table(name: string): Scalar[][] {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const rows = s.values.map((r) => {
      const out = [...r];
      while (out.length && out[out.length - 1] === '') out.pop();
      return out;
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return rows;
  }
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const notLoaded = (prop: string) =>
  new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

type Op = { size: number; run: () => void };
type Loadable = { resolve: () => number; marker?: boolean };

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  private ops: Op[] = [];
  private loads: Loadable[] = [];
  private suspended = false;
  private needed: { version: string; api: string }[] = [];
  readonly limit: number;
  readonly apiLevel: string;
  readonly cellLimit: number;

  constructor(
    readonly state: FakeWorkbookState,
    options: FakeOptions = {},
  ) {
    this.limit =
      options.payloadLimit ?? (options.platform === 'web' ? WEB_PAYLOAD_LIMIT : Infinity);
    this.apiLevel = options.apiLevel ?? LATEST_API;
    this.cellLimit = options.cellLimit ?? CELL_LIMIT;
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  get syncCount(): number {
    return this.state.syncs.length;
  }

  enqueue(op: Op): void {
    this.ops.push(op);
  }

  enqueueLoad(load: Loadable): void {
    this.loads.push(load);
  }

  suspendCalculation(): void {
    this.suspended = true;
  }

  private current: SyncRecord | null = null;

  /** Counts cells a load returns, on the sync being run. */
  countCells(n: number): void {
    if (this.current) this.current.cellsRead = (this.current.cellsRead ?? 0) + n;
  }

  /** Marks the batch as using an API from the given set; the sync fails where it is newer. */
  needs(version: string, api: string): void {
    this.needed.push({ version, api });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    const loads = this.loads;
    const needed = this.needed;
    this.ops = [];
    this.loads = [];
    this.needed = [];
    const missing = needed.find((n) => compareApi(n.version, this.apiLevel) > 0);
    if (missing) {
      this.state.syncs.push({ requestBytes: 0, responseBytes: 0, calculationSuspended: false });
      throw new FakeExcelError(
        'ApiNotFound',
        `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${missing.api}, ExcelApi ${missing.version})`,
      );
    }
    const suspended = this.suspended;
    this.suspended = false;
    const requestBytes =
      ops.reduce((n, op) => n + op.size, 0) + loads.filter((l) => !l.marker).length * 120;
    const record: SyncRecord = {
      requestBytes,
      responseBytes: 0,
      calculationSuspended: suspended,
      cellsRead: 0,
    };
    this.state.syncs.push(record);
    this.current = record;
    if (requestBytes > this.limit)
      throw new FakeExcelError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    // Excel runs a batch in order; a load sees the writes queued before it. Loads are
    // resolved after all writes here, which is what every batch the add-in sends needs.
    for (const op of ops) op.run();
    let responseBytes = 0;
    for (const load of loads) responseBytes += load.resolve();
    record.responseBytes = responseBytes;
    if (responseBytes > this.limit)
      throw new FakeExcelError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
  }
}

/** Byte length of a value as JSON in UTF-8: what a batch sends or receives. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  // The fake is the host, not the page: it keeps working where a test has taken TextEncoder
  // away from the page to stand in for IE11 or EdgeHTML 18.
  return typeof TextEncoder === 'function'
    ? new TextEncoder().encode(json).length
    : unescape(encodeURIComponent(json)).length;
}

/** Base of every proxy: properties exist only once loaded and synced. */
abstract class Proxy {
  private ready = new Map<string, unknown>();
  private syncedOnce = false;

  constructor(protected readonly ctx: FakeRequestContext) {
    ctx.enqueueLoad({
      marker: true,
      resolve: () => {
        this.syncedOnce = true;
        return 0;
      },
    });
  }

  /** For objects that arrive loaded with a collection's items. */
  markLoaded(prop: string, value: unknown): void {
    this.ready.set(prop, value);
    this.syncedOnce = true;
  }

  protected abstract readProperty(prop: string): unknown;
  protected abstract knownProperties(): string[];

  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      props === undefined
        ? this.knownProperties()
        : typeof props === 'string'
          ? props.split(',').map((p) => p.trim())
          : Array.isArray(props)
            ? props
            : Object.keys(props);
    for (const p of list) {
      if (this.knownProperties().indexOf(p) < 0)
        throw new FakeExcelError('InvalidArgument', `fake: cannot load '${p}'`);
    }
    this.ctx.enqueueLoad({
      resolve: () => {
        let bytes = 0;
        for (const p of list) {
          const v = this.readProperty(p);
          this.ready.set(p, v);
          bytes += jsonBytes(v);
        }
        return bytes;
      },
    });
    return this;
  }

  protected loaded<T>(prop: string): T {
    if (!this.ready.has(prop)) throw notLoaded(prop);
    return this.ready.get(prop) as T;
  }

  protected get synced(): boolean {
    return this.syncedOnce;
  }
}

export class FakeApplication {
  constructor(private readonly ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.needs('1.6', 'suspendApiCalculationUntilNextSync');
    this.ctx.suspendCalculation();
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }

  /** Worksheet functions (ExcelApi 1.2); only DATE, which the add-in uses. */
  get functions(): { date: (y: number, m: number, d: number) => FakeFunctionResult } {
    const ctx = this.ctx;
    return {
      date: (y, m, d) => {
        ctx.needs('1.2', 'Workbook.functions');
        const epoch = ctx.state.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
        return new FakeFunctionResult(ctx, (Date.UTC(y, m - 1, d) - epoch) / 86_400_000);
      },
    };
  }
}

export class FakeFunctionResult extends Proxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly result: number,
  ) {
    super(ctx);
  }
  protected knownProperties(): string[] {
    return ['value'];
  }
  protected readProperty(): unknown {
    return this.result;
  }
  get value(): number {
    return this.loaded('value');
  }
}

export class FakeWorksheetCollection extends Proxy {
  private itemsCache: FakeWorksheet[] | null = null;

  protected knownProperties(): string[] {
    return ['items', 'items/name'];
  }

  protected readProperty(): unknown {
    const names = this.ctx.state.sheets.map((s) => s.name);
    this.itemsCache = names.map((n) => {
      const ws = new FakeWorksheet(this.ctx, n, false);
      ws.markLoaded('name', n);
      return ws;
    });
    return names;
  }

  get items(): FakeWorksheet[] {
    try {
      this.loaded('items');
    } catch {
      this.loaded('items/name');
    }
    return this.itemsCache!;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.needs('1.4', 'getItemOrNullObject');
    return new FakeWorksheet(this.ctx, name, true);
  }

  add(name: string): FakeWorksheet {
    this.ctx.enqueue({
      size: 80 + jsonBytes(name),
      run: () => {
        if (this.ctx.state.sheet(name))
          throw new FakeExcelError('ItemAlreadyExists', `A sheet named ${name} already exists`);
        this.ctx.state.addSheet(name);
      },
    });
    return new FakeWorksheet(this.ctx, name, false);
  }
}

export class FakeWorksheet extends Proxy {
  readonly freezePanes: { freezeRows: (n: number) => void };

  constructor(
    ctx: FakeRequestContext,
    private readonly sheetName: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    this.freezePanes = {
      freezeRows: (n: number) => {
        ctx.needs('1.7', 'freezePanes');
        ctx.enqueue({ size: 60, run: () => void (this.sheet().frozenRows = n) });
      },
    };
  }

  protected knownProperties(): string[] {
    return ['name'];
  }

  protected readProperty(prop: string): unknown {
    if (prop === 'name') return this.sheet().name;
    return undefined;
  }

  sheet(): FakeSheet {
    const s = this.ctx.state.sheet(this.sheetName);
    if (!s) throw new FakeExcelError('ItemNotFound', `The requested sheet ${this.sheetName}`);
    return s;
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (!this.synced) throw notLoaded('isNullObject');
    return !this.ctx.state.sheet(this.sheetName);
  }

  get name(): string {
    return this.loaded('name');
  }

  activate(): void {
    this.ctx.enqueue({
      size: 60,
      run: () => void (this.ctx.state.activeSheet = this.sheet().name),
    });
  }

  getRange(address?: string): FakeRange {
    const whole = address ? unboundedBox(address) : null;
    const range = new FakeRange(this.ctx, this, () => {
      const s = this.sheet();
      if (whole) return whole;
      if (!address)
        return { row: 0, col: 0, rows: Math.max(1, s.values.length), cols: width(s) || 1 };
      return parseA1(address);
    });
    range.unbounded = whole !== null;
    return range;
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.needs('1.7', 'getRangeByIndexes');
    return new FakeRange(this.ctx, this, () => ({ row, col, rows, cols }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.needs('1.4', 'getUsedRangeOrNullObject');
    if (valuesOnly) this.ctx.needs('1.2', 'getUsedRange(valuesOnly)');
    return new FakeRange(this.ctx, this, () => usedBox(this.sheet(), valuesOnly), true);
  }

  /** On a blank sheet Excel gives A1. */
  getUsedRange(valuesOnly = false): FakeRange {
    if (valuesOnly) this.ctx.needs('1.2', 'getUsedRange(valuesOnly)');
    return new FakeRange(
      this.ctx,
      this,
      () => usedBox(this.sheet(), valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 },
    );
  }
}

interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Excel.HorizontalAlignment and Excel.VerticalAlignment (ExcelApi 1.1). */
const HORIZONTAL = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

const writeOnly = (prop: string) => ({
  get(): never {
    throw notLoaded(prop);
  },
});

export class FakeRange extends Proxy {
  readonly format: {
    font: { bold: boolean };
    fill: { color: string };
    horizontalAlignment: string;
    verticalAlignment: string;
    columnWidth: number;
  };
  constructor(
    ctx: FakeRequestContext,
    readonly worksheet: FakeWorksheet,
    private readonly box: () => Box | null,
    private readonly orNull = false,
  ) {
    super(ctx);
    const setBold = (v: boolean) =>
      ctx.enqueue({
        size: 60,
        run: () => this.eachCell((s, r, c) => void (v ? s.bold.add(`${r},${c}`) : 0)),
      });
    const setWidth = (w: number) => {
      ctx.needs('1.2', 'format.columnWidth');
      ctx.enqueue({
        size: 60,
        run: () => {
          const b = this.resolve();
          for (let c = b.col; c < b.col + b.cols; c++)
            this.worksheet.sheet().columnWidths.set(c, w);
        },
      });
    };
    const setFill = (color: string) => {
      const m = /^#?([0-9a-f]{6})$/i.exec(String(color));
      ctx.enqueue({
        size: 60 + jsonBytes(color),
        run: () => {
          if (!m) throw new FakeExcelError('InvalidArgument', `fake: fill colour ${String(color)}`);
          this.eachCell((s, r, c) => void s.fills.set(`${r},${c}`, `#${m[1].toUpperCase()}`));
        },
      });
    };
    const setAlign = (axis: 'horizontal' | 'vertical', names: string[], v: string) =>
      ctx.enqueue({
        size: 60 + jsonBytes(v),
        run: () => {
          if (names.indexOf(v) < 0)
            throw new FakeExcelError('InvalidArgument', `fake: ${axis} alignment ${v}`);
          this.eachCell((s, r, c) => {
            const key = `${r},${c}`;
            s.alignments.set(key, { ...s.alignments.get(key), [axis]: v });
          });
        },
      });
    const fill = {};
    Object.defineProperty(fill, 'color', {
      ...writeOnly('format/fill/color'),
      set: setFill,
      enumerable: true,
    });
    this.format = {
      font: {
        get bold(): boolean {
          throw notLoaded('format/font/bold');
        },
        set bold(v: boolean) {
          setBold(v);
        },
      },
      fill: fill as { color: string },
      get horizontalAlignment(): string {
        throw notLoaded('format/horizontalAlignment');
      },
      set horizontalAlignment(v: string) {
        setAlign('horizontal', HORIZONTAL, v);
      },
      get verticalAlignment(): string {
        throw notLoaded('format/verticalAlignment');
      },
      set verticalAlignment(v: string) {
        setAlign('vertical', VERTICAL, v);
      },
      get columnWidth(): number {
        throw notLoaded('format/columnWidth');
      },
      set columnWidth(w: number) {
        setWidth(w);
      },
    };
    this.dataValidations = null;
  }

  private dataValidations: FakeDataValidation | null;
  /** Whole columns or rows (A:B, 2:3): cell-level properties read as null and cannot be set. */
  unbounded = false;

  get dataValidation(): FakeDataValidation {
    this.ctx.needs('1.8', 'dataValidation');
    return (this.dataValidations ??= new FakeDataValidation(this.ctx, this));
  }

  /** The merged areas in the range (ExcelApi 1.13). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.needs('1.13', 'getMergedAreasOrNullObject');
    return new FakeRangeAreas(this.ctx, this);
  }

  peek(): Box | null {
    return this.box();
  }

  resolve(): Box {
    const b = this.box();
    if (!b) throw new FakeExcelError('ItemNotFound', 'The used range is empty.');
    return b;
  }

  eachCell(fn: (s: FakeSheet, r: number, c: number) => void): void {
    const s = this.worksheet.sheet();
    const b = this.resolve();
    for (let r = b.row; r < b.row + b.rows; r++)
      for (let c = b.col; c < b.col + b.cols; c++) fn(s, r, c);
  }

  protected knownProperties(): string[] {
    return [
      'values',
      'numberFormat',
      'address',
      'rowCount',
      'columnCount',
      'rowIndex',
      'columnIndex',
    ];
  }

  protected readProperty(prop: string): unknown {
    const s = this.worksheet.sheet();
    const b = this.resolve();
    if ((prop === 'values' || prop === 'numberFormat') && this.unbounded) return null;
    if ((prop === 'values' || prop === 'numberFormat') && b.rows * b.cols > this.ctx.cellLimit)
      throw new FakeExcelError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    if (prop === 'values') this.ctx.countCells(b.rows * b.cols);
    switch (prop) {
      case 'values':
        return grid(b, (r, c) => s.values[r]?.[c] ?? '');
      case 'numberFormat':
        return grid(b, (r, c) => s.formats[r]?.[c] ?? 'General');
      case 'address':
        return `${quoteSheet(s.name)}!${a1(b.row, b.col)}${b.rows * b.cols > 1 ? ':' + a1(b.row + b.rows - 1, b.col + b.cols - 1) : ''}`;
      case 'rowCount':
        return b.rows;
      case 'columnCount':
        return b.cols;
      case 'rowIndex':
        return b.row;
      case 'columnIndex':
        return b.col;
    }
    return undefined;
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (!this.synced) throw notLoaded('isNullObject');
    return this.box() === null;
  }

  get values(): Scalar[][] {
    return this.loaded('values');
  }
  set values(v: Scalar[][] | Scalar) {
    this.write('values', v);
  }
  get numberFormat(): string[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(v: string[][] | string) {
    this.write('numberFormat', v);
  }
  get address(): string {
    return this.loaded('address');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }

  private write(prop: 'values' | 'numberFormat', v: unknown): void {
    this.ctx.enqueue({
      size: 80 + jsonBytes(v),
      run: () => {
        if (this.unbounded)
          throw new FakeExcelError(
            'InvalidArgument',
            `fake: cannot set ${prop} on an unbounded range`,
          );
        if (v === null || v === undefined)
          throw new FakeExcelError('InvalidArgument', `fake: ${prop} cannot be set to null`);
        const b = this.resolve();
        // A single value goes to every cell of the range.
        const at: (r: number, c: number) => unknown = Array.isArray(v)
          ? (r, c) => (v as unknown[][])[r][c]
          : () => v;
        if (
          Array.isArray(v) &&
          (v.length !== b.rows ||
            v.some((row: unknown) => !Array.isArray(row) || row.length !== b.cols))
        )
          throw new FakeExcelError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
          );
        const s = this.worksheet.sheet();
        const target = prop === 'values' ? s.values : s.formats;
        for (let r = 0; r < b.rows; r++)
          for (let c = 0; c < b.cols; c++) {
            const cell = at(r, c);
            // null leaves the cell as it is; a blank number format is General.
            if (cell === null) continue;
            const value = prop === 'numberFormat' && cell === '' ? 'General' : cell;
            setCell(s, target, b.row + r, b.col + c, value);
          }
      },
    });
  }

  clear(): void {
    this.ctx.enqueue({
      size: 60,
      run: () => {
        this.eachCell((s, r, c) => {
          if (r < s.values.length && c < s.values[r].length) {
            setCell(s, s.values, r, c, '');
            setCell(s, s.formats, r, c, 'General');
          }
          s.bold.delete(`${r},${c}`);
          s.fills.delete(`${r},${c}`);
          s.alignments.delete(`${r},${c}`);
        });
      },
    });
  }

  select(): void {
    this.ctx.enqueue({
      size: 60,
      run: () => {
        const b = this.resolve();
        const s = this.worksheet.sheet();
        this.ctx.state.activeSheet = s.name;
        this.ctx.state.selection = {
          sheet: s.name,
          address:
            a1(b.row, b.col) +
            (b.rows * b.cols > 1 ? ':' + a1(b.row + b.rows - 1, b.col + b.cols - 1) : ''),
        };
      },
    });
  }
}

export class FakeDataValidation extends Proxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  protected knownProperties(): string[] {
    return ['type', 'rule', 'errorAlert'];
  }

  protected readProperty(prop: string): unknown {
    const b = this.range.resolve();
    const found = this.range.worksheet
      .sheet()
      .validations.filter((v) => overlaps(v, b))
      .map((v) => v.rule);
    if (prop === 'errorAlert')
      return (
        this.range.worksheet.sheet().validations.find((v) => overlaps(v, b))?.errorAlert ?? {
          showAlert: true,
          style: 'Stop',
        }
      );
    if (prop === 'rule') return found[0] ?? {};
    if (found.length === 0) return 'None';
    const same = found.every((r) => JSON.stringify(r) === JSON.stringify(found[0]));
    const covers = this.range.worksheet.sheet().validations.some((v) => contains(v, b));
    return same && covers ? 'List' : 'Inconsistent';
  }

  get type(): string {
    return this.loaded('type');
  }

  set rule(rule: unknown) {
    this.ctx.enqueue({
      size: 80 + jsonBytes(rule),
      run: () => {
        const b = this.range.resolve();
        const sheet = this.range.worksheet.sheet();
        if (sheet.validations.some((v) => overlaps(v, b)))
          throw new FakeExcelError('InvalidOperation', 'fake: range already has data validation');
        sheet.validations.push({ ...b, rule });
      },
    });
  }

  /** Excel's default is a Stop alert; the add-in asks for a Warning. */
  set errorAlert(alert: unknown) {
    this.ctx.enqueue({
      size: 80 + jsonBytes(alert),
      run: () => {
        const b = this.range.resolve();
        const v = this.range.worksheet.sheet().validations.find((x) => contains(x, b));
        if (!v) throw new FakeExcelError('InvalidOperation', 'fake: no data validation here');
        v.errorAlert = alert;
      },
    });
  }
}

/** RangeAreas as getMergedAreasOrNullObject returns it: the address lists the areas. */
export class FakeRangeAreas extends Proxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  private found(): Box[] {
    // On a null range (an empty sheet's used range) Excel gives a null RangeAreas.
    const b = this.range.peek();
    if (!b) return [];
    const areas = this.range.worksheet.sheet().merges.filter((m) => overlaps(m, b));
    if (areas.length > MERGE_LIMIT)
      throw new FakeExcelError('GeneralException', 'fake: more than 512 merged areas');
    return areas;
  }
  protected knownProperties(): string[] {
    return ['address', 'areaCount'];
  }
  protected readProperty(prop: string): unknown {
    const areas = this.found();
    if (prop === 'areaCount') return areas.length;
    const sheet = quoteSheet(this.range.worksheet.sheet().name);
    return areas.map((m) => `${sheet}!${boxA1(m)}`).join(', ');
  }
  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded('isNullObject');
    return this.found().length === 0;
  }
  get address(): string {
    return this.loaded('address');
  }
}

function boxA1(b: Box): string {
  const from = a1(b.row, b.col);
  return b.rows * b.cols > 1 ? `${from}:${a1(b.row + b.rows - 1, b.col + b.cols - 1)}` : from;
}

function setCell(s: FakeSheet, target: unknown[][], r: number, c: number, v: unknown): void {
  while (s.values.length <= r) s.values.push([]);
  while (s.formats.length <= r) s.formats.push([]);
  for (const rows of [s.values, s.formats]) {
    const row = rows[r] as unknown[];
    while (row.length <= c) row.push(rows === s.values ? '' : 'General');
  }
  target[r][c] = v;
}

function width(s: FakeSheet): number {
  return s.values.reduce((w, r) => Math.max(w, r.length), 0);
}

function usedBox(s: FakeSheet, valuesOnly: boolean): Box | null {
  let top = -1,
    bottom = -1,
    left = Infinity,
    right = -1;
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const used = v !== '' || (!valuesOnly && s.formats[r]?.[c] !== 'General');
      if (!used) return;
      if (top < 0) top = r;
      bottom = r;
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  if (top < 0) return null;
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

function grid<T>(b: Box, at: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(b.rows);
  for (let r = 0; r < b.rows; r++) {
    const row: T[] = new Array(b.cols);
    for (let c = 0; c < b.cols; c++) row[c] = at(b.row + r, b.col + c);
    out[r] = row;
  }
  return out;
}

const overlaps = (a: Box, b: Box) =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.col < b.col + b.cols &&
  b.col < a.col + a.cols;
const contains = (a: Box, b: Box) =>
  a.row <= b.row &&
  a.col <= b.col &&
  a.row + a.rows >= b.row + b.rows &&
  a.col + a.cols >= b.col + b.cols;

export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
  if (!m) throw new FakeExcelError('InvalidArgument', `fake: bad address ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** The box of a whole-column or whole-row address (A:B, 2:3), or null for any other. */
function unboundedBox(address: string): Box | null {
  const ref = address.slice(address.lastIndexOf('!') + 1);
  const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(ref);
  if (cols) {
    const from = parseCell(`${cols[1]}1`).col;
    const to = parseCell(`${cols[2]}1`).col;
    return { row: 0, col: from, rows: MAX_ROWS, cols: to - from + 1 };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(ref);
  if (rows) {
    const from = Number(rows[1]) - 1;
    return { row: from, col: 0, rows: Number(rows[2]) - from, cols: MAX_COLS };
  }
  return null;
}

export function parseA1(address: string): Box {
  const ref = address.indexOf('!') >= 0 ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [from, to = from] = ref.split(':');
  const a = parseCell(from);
  const b = parseCell(to);
  return { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

/** `Excel.run` over a fake workbook. */
export function fakeRun(state: FakeWorkbookState, options: FakeOptions = {}) {
  return async <T>(fn: (ctx: FakeRequestContext) => Promise<T>): Promise<T> =>
    fn(new FakeRequestContext(state, options));
}
