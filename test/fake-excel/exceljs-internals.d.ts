// The two exceljs internals the fake's seeding reads (exceljs ships no types for them).
declare module 'exceljs/lib/xlsx/defaultnumformats.js' {
  const formats: Record<string, Record<string, string>>;
  export default formats;
}
declare module 'exceljs/lib/xlsx/xform/style/numfmt-xform.js' {
  const NumFmtXform: {
    getDefaultFmtCode(id: number): string | undefined;
    getDefaultFmtId(code: string): number | undefined;
  };
  export default NumFmtXform;
}
