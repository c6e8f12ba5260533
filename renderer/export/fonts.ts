/**
 * The PDF's fonts, fetched once from the app's own files (CSP allows 'self'). The same DejaVu Sans
 * the command line embeds, so accented and Welsh letters print correctly either way.
 */
import type { ExportFonts } from '../../shared/export';
import regularUrl from '../../resources/fonts/DejaVuSans.ttf?url';
import boldUrl from '../../resources/fonts/DejaVuSans-Bold.ttf?url';

let loading: Promise<ExportFonts> | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The export font could not be loaded (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

export function loadExportFonts(): Promise<ExportFonts> {
  loading ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  // A failed load is not remembered, so the next export tries again.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
