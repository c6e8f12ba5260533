/**
 * Which URLs main hands to the OS with shell.openExternal. The contract's schema already limits
 * help links to https on declared hosts; this adds the checks that need a parsed URL. Threat:
 * openExternal passes the URL to the OS URL handler, so a crafted URL is a route to launching
 * arbitrary programs or phishing pages dressed as ours.
 */
import { HelpLinkSchema } from '../../shared/ipc/contract';

export type HelpLinkVerdict =
  { readonly allowed: true; readonly href: string } | { readonly allowed: false; readonly reason: string };

export function checkHelpLink(candidate: unknown): HelpLinkVerdict {
  const shape = HelpLinkSchema.safeParse(candidate);
  if (!shape.success)
    return { allowed: false, reason: shape.error.issues[0]?.message ?? 'not an allowed help link' };
  const url = new URL(shape.data);
  // user:pass@host makes a link read as one site while going to another's login prompt.
  if (url.username !== '' || url.password !== '')
    return { allowed: false, reason: 'help links must not carry credentials' };
  if (url.port !== '') return { allowed: false, reason: 'help links must use the default https port' };
  // Hand the OS the normalised form we checked, not the string we were given.
  return { allowed: true, href: url.href };
}
