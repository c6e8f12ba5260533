import { describe, expect, it } from 'vitest';
import { buildPlanPdf } from '../../../../shared/export';
import { derivePlan, PLAN_HEADINGS, PLAN_SECTION_IDS, PLAN_SECTIONS } from '../../../../shared/plan';
import { loadExportFonts } from '../../../../electron/export/fonts';
import { FIXTURE_NOW, richWorkshop, templateWorkshop } from '../plan/fixtures';
import { pdfInfo, pdfText, qpdfCheck, tempFile } from './export-tools';

/** The same titles as the Plan panel (shared/plan/presentation), and the parts only the PDF has. */
const SECTION_HEADINGS = [
  ...PLAN_SECTION_IDS.map((id) => PLAN_SECTIONS[id].title),
  ...Object.values(PLAN_HEADINGS),
];

describe('plan PDF', async () => {
  const fonts = await loadExportFonts();
  const { snapshot } = richWorkshop();
  const plan = derivePlan(snapshot, { appVersion: '0.1.0', now: FIXTURE_NOW });
  const path = tempFile('plan.pdf', await buildPlanPdf({ plan, board: snapshot, fonts, framePages: true }));
  const text = pdfText(path);

  it('is a structurally valid PDF (qpdf --check)', () => {
    expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
  });

  it('contains every section heading as searchable text', () => {
    for (const heading of SECTION_HEADINGS) expect(text, heading).toContain(heading);
  });

  it('contains the text of every card that may be quoted, Welsh and accented letters included', () => {
    const quotable = [...snapshot.cards.values()].filter((c) => !/SECRET|PRIVATE/.test(c.text));
    for (const card of quotable) expect(text, card.id).toContain(card.text.replace(/\s+/g, ' '));
    expect(text).toContain('Gwasanaeth cymorth ŵyr');
    expect(text).toContain('â chroeso ŷ');
    expect(text).toContain('résumé of the naïve façade');
  });

  it('never prints words whose author did not consent', () => {
    expect(text).not.toContain('SECRET-WORDS');
    expect(text).not.toContain('PRIVATE-NEED');
  });

  it('lists the plan checks and the records it had to leave out', () => {
    for (const gap of plan.gaps) expect(text).toContain(gap.message);
    for (const id of ['card_broken', 'frame_bad', 'conn_dangling']) expect(text).toContain(id);
  });

  it('numbers its pages and carries title and date metadata', () => {
    const info = pdfInfo(path);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(info).toMatch(/Title:\s+Cymorth i bobl ifanc — Ceredigion — service plan/);
    expect(info).toMatch(/CreationDate:\s+Fri Mar 14 10:30:00 2025/);
  });

  it('adds one picture page per frame only when asked', async () => {
    const withFrames = Number(/Pages:\s+(\d+)/.exec(pdfInfo(path))![1]);
    const without = tempFile('plain.pdf', await buildPlanPdf({ plan, board: snapshot, fonts }));
    expect(Number(/Pages:\s+(\d+)/.exec(pdfInfo(without))![1])).toBe(withFrames - snapshot.frames.size);
    expect(text).toContain('Frame: The dream');
    expect(pdfText(without)).not.toContain('Frame: The dream');
  });

  it.each(['dream-service-model', 'blank'])(
    'builds a valid PDF for a fresh %s workshop',
    async (templateId) => {
      const fresh = templateWorkshop(templateId).snapshot;
      const freshPlan = derivePlan(fresh, { appVersion: '0.1.0', now: FIXTURE_NOW });
      const file = tempFile(
        `${templateId}.pdf`,
        await buildPlanPdf({ plan: freshPlan, board: fresh, fonts }),
      );
      expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
      expect(pdfText(file)).toContain('No votes have been held in this workshop yet.');
    },
  );

  it('prints participant names only when the plan was derived with the facilitator’s consent to names', async () => {
    const people = [{ name: 'Siân Ŵyn', role: 'lived-experience' as const }];
    const named = derivePlan(snapshot, {
      appVersion: '0.1.0',
      now: FIXTURE_NOW,
      participantNames: { include: true, people },
    });
    expect(
      pdfText(tempFile('named.pdf', await buildPlanPdf({ plan: named, board: snapshot, fonts }))),
    ).toContain('Siân Ŵyn');
    expect(text).not.toContain('Siân Ŵyn');
  });
});
