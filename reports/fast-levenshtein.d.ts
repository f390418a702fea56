// fast-levenshtein ships no types; this is the one function we call.
declare module 'fast-levenshtein' {
  const levenshtein: { get(a: string, b: string): number };
  export default levenshtein;
}
