// The card template set as template code, made by scripts/build-web.ts at build time.
declare module 'virtual:card-templates-precompiled' {
  import type { PrecompiledTemplates } from '../render/card-html.js';
  const code: PrecompiledTemplates;
  export default code;
}
