/**
 * Types for the two pure parts of the `qrcode` package we use (it ships no types, and
 * @types/qrcode pulls in Node's types, which shared/ must not see).
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QRCodeModules {
    readonly size: number;
    /** size × size, row by row; 1 = dark module. */
    readonly data: Uint8Array;
  }
  export interface QRCodeData {
    readonly modules: QRCodeModules;
    readonly version: number;
  }
  export function create(
    text: string,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): QRCodeData;
}

declare module 'qrcode/lib/renderer/svg-tag.js' {
  import type { QRCodeData } from 'qrcode/lib/core/qrcode.js';
  export function render(
    data: QRCodeData,
    options?: { margin?: number; color?: { dark?: string; light?: string } },
  ): string;
}
