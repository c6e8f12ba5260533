/**
 * The `export:save` channel: the renderer made an export (plan, picture, canvas) and asks main to
 * write it where the person chooses in the system save dialog. The page only suggests a name;
 * the path comes from the dialog and never reaches the page.
 */
import { z } from 'zod';
import { EXPORT_FORMAT_IDS } from '../export/formats';

/** A 1,000-card PDF is a few MB; a 16k × 4k PNG can reach a few hundred. Above that is not an export. */
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;
const MAX_SUGGESTED_NAME = 160;

/**
 * Only a bare file name: a suggested "../../.bashrc" or "C:\\x" would at most pre-fill the dialog
 * (the person still chooses), but refusing separators keeps the dialog's folder the one main picks.
 */
export const SuggestedExportNameSchema = z
  .string()
  .min(1)
  .max(MAX_SUGGESTED_NAME)
  .regex(/^[^/\\:*?"<>|\p{Cc}]+$/u, 'A file name without folders or reserved characters')
  .refine((name) => !name.startsWith('.'), 'A file name that does not start with a dot');

export const ExportSaveRequestSchema = z.object({
  suggestedName: SuggestedExportNameSchema,
  /** Which format (shared/export/formats.ts): main takes the dialog's filter and file ending from it. */
  kind: z.enum(EXPORT_FORMAT_IDS),
  bytes: z.custom<Uint8Array>(
    (value) => value instanceof Uint8Array && value.byteLength <= MAX_EXPORT_BYTES,
    {
      message: `Expected a Uint8Array of at most ${MAX_EXPORT_BYTES} bytes`,
    },
  ),
});
export type ExportSaveRequest = z.infer<typeof ExportSaveRequestSchema>;

/** `name` is the chosen file's name without its folder, for "Saved plan.pdf". */
export const ExportSaveOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), name: z.string().min(1).max(255) }),
  z.object({ status: z.literal('cancelled') }),
]);
export type ExportSaveOutcome = z.infer<typeof ExportSaveOutcomeSchema>;
