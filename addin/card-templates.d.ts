// The card template set (templates/), read at build time by scripts/build-addin.ts and
// bundled into the task pane as text.
declare module 'virtual:card-templates' {
  import type { TemplateSources } from '../render/card-html.js';
  const sources: TemplateSources;
  export default sources;
}
