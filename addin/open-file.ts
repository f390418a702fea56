/// <reference types="office-js" />
// 打印与报送's files in the pane: opened as this Excel allows (open-result.ts).
import type { FileOpening } from '../ui/print-section.js';
import { OPEN_HINTS, openOutside, openWay } from './open-result.js';

export function paneFileOpening(office: typeof Office | undefined): FileOpening {
  const way = openWay(office);
  return {
    open: (file) => openOutside(office, file.url),
    hint: OPEN_HINTS[way],
    address: way === 'copy-address',
  };
}
