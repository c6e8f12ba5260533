import { CONNECTOR_LABELS } from '../../model';
import type { CardMention, Plan } from '../../plan';
import { kindLabel, optionLabel, orDash, roleLabel } from './labels';
import type { PdfComposer } from './pdf-composer';

const STAGE = { today: 'Now', vision: 'In the dream', unplaced: 'Not placed' } as const;

const mentions = (list: readonly CardMention[]) =>
  list.length === 0 ? '—' : list.map((m) => `${kindLabel(m.kind)}: ${m.text}`).join('\n');

const none = (pdf: PdfComposer, what: string) => pdf.paragraph(`No ${what} yet.`, { muted: true });

/** One heading and body per plan section, in the order of docs/plan-format.md. */
export function writePlanSections(pdf: PdfComposer, plan: Plan): void {
  pdf.heading('Vision');
  if (plan.vision.entries.length === 0) none(pdf, 'cards in a vision frame');
  pdf.bullets(plan.vision.entries.map((e) => `${kindLabel(e.kind)}: ${e.text}`));

  pdf.heading('How things are today');
  if (plan.today.entries.length === 0) none(pdf, 'cards in a frame about today');
  pdf.bullets(plan.today.entries.map((e) => `${kindLabel(e.kind)}: ${e.text}`));

  pdf.heading('People and needs');
  if (plan.people.needs.length === 0) none(pdf, 'needs');
  pdf.table(
    ['Need', 'Whose', 'Evidence'],
    plan.people.needs.map((n) => [
      n.text,
      optionLabel('need', 'whose', n.whose),
      optionLabel('need', 'evidence', n.evidence),
    ]),
    ['*', 120, 120],
  );
  if (plan.people.voices.length > 0) {
    pdf.heading('In their own words', 2);
    for (const v of plan.people.voices)
      pdf.paragraph(v.role ? `“${v.text}” — ${optionLabel('person', 'role', v.role)}` : `“${v.text}”`);
  }
  if (plan.people.voicesWithheld > 0)
    pdf.paragraph(
      `${plan.people.voicesWithheld} card${plan.people.voicesWithheld === 1 ? ' is' : 's are'} left out because the people whose words they hold have not agreed to be quoted.`,
      { muted: true },
    );

  pdf.heading('Strengths');
  if (plan.strengths.length === 0) none(pdf, 'strengths');
  pdf.table(
    ['Strength', 'Kind of strength'],
    plan.strengths.map((s) => [s.text, optionLabel('strength', 'assetCategory', s.assetCategory)]),
    ['*', 170],
  );

  pdf.heading('Partners');
  if (plan.partners.length === 0) none(pdf, 'partners');
  pdf.table(
    ['Partner', 'Role', 'What they bring', 'What they commit to'],
    plan.partners.map((p) => [p.text, orDash(p.role), orDash(p.brings), orDash(p.commits)]),
  );

  pdf.heading('Services and activities');
  if (plan.services.length === 0) none(pdf, 'services');
  pdf.table(
    ['Service', 'What it is for', 'When'],
    plan.services.map((s) => [s.text, orDash(s.purpose), STAGE[s.stage]]),
    ['*', '*', 80],
  );

  pdf.heading('Outcomes');
  if (plan.outcomes.length === 0) none(pdf, 'outcomes');
  pdf.table(
    ['Outcome', 'When', 'How we will know', 'What contributes'],
    plan.outcomes.map((o) => [
      o.text,
      optionLabel('outcome', 'horizon', o.horizon),
      orDash(o.indicator),
      mentions(o.contributors),
    ]),
  );

  pdf.heading('Resources');
  if (plan.resources.length === 0) none(pdf, 'resources');
  pdf.table(
    ['Resource', 'How much', 'Where from', 'Funds'],
    plan.resources.map((r) => [r.text, orDash(r.amount), orDash(r.source), mentions(r.funds)]),
  );

  pdf.heading('Barriers and thresholds');
  if (plan.barriers.length === 0) none(pdf, 'barriers');
  pdf.table(
    ['Barrier', 'Threshold?', 'Proposal', 'Mitigations'],
    plan.barriers.map((b) => [
      b.text,
      b.isThreshold ? 'Yes' : 'No',
      optionLabel('barrier', 'proposal', b.proposal),
      mentions(b.mitigations),
    ]),
    ['*', 60, 90, '*'],
  );
  if (plan.thresholdsToTestRemoving.length > 0) {
    pdf.heading('Thresholds to test removing', 2);
    const byId = new Map(plan.barriers.map((b) => [b.cardId, b]));
    pdf.bullets(plan.thresholdsToTestRemoving.map((id) => byId.get(id)?.text ?? id));
  }

  pdf.heading('Learning plan');
  if (plan.learning.length === 0) none(pdf, 'experiments');
  pdf.table(
    ['Hypothesis or experiment', 'What we will watch', 'Review date', 'Owner', 'Status'],
    plan.learning.map((l) => [
      l.text,
      orDash(l.watch),
      orDash(l.reviewDate),
      orDash(l.owner),
      optionLabel('learning', 'status', l.status),
    ]),
    ['*', '*', 70, 80, 60],
  );

  pdf.heading('Decisions');
  if (!plan.decisions.votingHeld)
    pdf.paragraph('No votes have been held in this workshop yet.', { muted: true });
  pdf.table(
    ['Rank', 'Card', 'Votes', 'Votes by role'],
    plan.decisions.results.map((r) => [
      String(r.rank),
      `${kindLabel(r.kind)}: ${r.text}`,
      String(r.votes),
      r.byRole.map((b) => `${roleLabel(b.role)}: ${b.votes}`).join('\n'),
    ]),
    [40, '*', 45, 150],
  );

  pdf.heading('Next steps');
  if (plan.nextSteps.length === 0) none(pdf, 'next steps');
  pdf.table(
    ['Next step', 'Who (role)', 'By when'],
    plan.nextSteps.map((s) => [s.text, orDash(s.owner), orDash(s.due)]),
    ['*', 130, 80],
  );

  if (plan.otherNotes.length > 0) {
    pdf.heading('Other notes');
    pdf.bullets(plan.otherNotes.map((n) => (n.frame ? `${n.text} (${n.frame.title})` : n.text)));
  }

  pdf.heading('Links');
  if (plan.links.length === 0) none(pdf, 'links between cards');
  pdf.table(
    ['From', 'Link', 'To', 'Label'],
    plan.links.map((l) => [
      `${kindLabel(l.from.kind)}: ${l.from.text}`,
      CONNECTOR_LABELS[l.kind],
      `${kindLabel(l.to.kind)}: ${l.to.text}`,
      orDash(l.label),
    ]),
    ['*', 80, '*', 90],
  );

  pdf.heading('Participation');
  pdf.paragraph('Cards added, by role category. Dreamboard counts voices by role, never by name.', {
    muted: true,
  });
  pdf.table(
    ['Role', 'Cards', 'People'],
    plan.participation.byRole.map((r) => [roleLabel(r.role), String(r.cards), String(r.contributors)]),
    ['*', 70, 70],
  );
  if (plan.participation.namesIncluded && plan.participation.names.length > 0) {
    pdf.heading('Who took part', 2);
    pdf.bullets(plan.participation.names.map((p) => `${p.name} (${roleLabel(p.role)})`));
  }
}
