import { applyTemplate } from '../../shared/templates';
import type { RoleCategory } from '../../shared/model';
import { Editor } from '../editor/editor';
import { DocSession } from '../session/session';

/** An open workshop: its session (document, undo) and the editor driving it, made and ended together. */
export interface OpenWorkshop {
  readonly session: DocSession;
  readonly editor: Editor;
}

/**
 * A new in-memory workshop from a template. The template is written with the load origin, so the
 * first Undo cannot take it away.
 */
export function createWorkshop(templateId: string, participantId: string, role: RoleCategory | null = null): OpenWorkshop {
  const session = new DocSession({ participantId, role });
  try {
    applyTemplate(session.doc, templateId);
  } catch (error) {
    session.destroy();
    throw error;
  }
  return { session, editor: new Editor(session) };
}
