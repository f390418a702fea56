// SHA-256 for the core's seal under Node: one call into OpenSSL, no Buffer or Hash object per
// string, which js-sha256's Node wrapper makes for each of a workbook's 100,000 entries.
// Gives the same hex digest as js-sha256 (test/seal/sha256.test.ts).
import { hash } from 'node:crypto';
import type { Sha256Hex } from '../core/index.js';

export const nodeSha256: Sha256Hex = (text) => hash('sha256', text, 'hex');
