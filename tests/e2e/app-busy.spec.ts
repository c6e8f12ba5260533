import { expect, test } from '@playwright/test';
import { CARD_KINDS, CONNECTOR_KINDS } from '../../shared/model';
import { ARTIFACTS, docSummary, seedRaw, startWorkshop, treeItem, type RawRecord } from './helpers';

/**
 * A realistic, busy dream service model (homelessness prevention) for screenshots: 45 cards of
 * every kind, placed in the template's frames, and 16 connections of every kind.
 */
interface BusyCard {
  readonly key: string;
  readonly kind: string;
  readonly text: string;
  readonly fields?: Record<string, string | boolean>;
}

const BUSY_FRAMES: Record<string, readonly BusyCard[]> = {
  'People and what matters': [
    {
      key: 'safe',
      kind: 'need',
      text: 'Somewhere safe to sleep tonight',
      fields: { whose: 'lived-experience' },
    },
    {
      key: 'story',
      kind: 'person',
      text: '“I had to tell my story five times to five people.”',
      fields: { consent: 'yes' },
    },
    { key: 'comes', kind: 'need', text: 'Help that comes to me, not the other way round' },
    { key: 'dog', kind: 'need', text: 'Keep my dog with me' },
    {
      key: 'case',
      kind: 'person',
      text: '“They treated me like a case number.”',
      fields: { consent: 'yes' },
    },
  ],
  'Strengths we already have': [
    { key: 'foodbank', kind: 'strength', text: 'Food bank volunteers know everyone by name' },
    { key: 'mosque', kind: 'strength', text: 'Mosque runs a winter night shelter' },
    { key: 'peers', kind: 'strength', text: 'Peer mentors with lived experience' },
    { key: 'library', kind: 'strength', text: 'Library: warm, free wifi, open late' },
    { key: 'tenants', kind: 'strength', text: 'Active tenants’ association' },
  ],
  'Today: what happens now': [
    { key: 'desk', kind: 'service', text: 'Housing options desk, 9 to 5 on weekdays' },
    { key: 'wait', kind: 'need', text: 'Six-week wait for an assessment' },
    { key: 'forms', kind: 'note', text: 'Three different forms for one person' },
    { key: 'today-id', kind: 'barrier', text: 'Photo ID needed to register' },
    { key: 'gp', kind: 'barrier', text: 'Health support only through a GP referral' },
  ],
  'The dream': [
    {
      key: 'second',
      kind: 'outcome',
      text: 'Nobody sleeps rough for a second night',
      fields: { horizon: 'medium' },
    },
    { key: 'keep', kind: 'outcome', text: 'People keep their tenancy', fields: { horizon: 'long' } },
    { key: 'once', kind: 'outcome', text: 'One conversation, not five', fields: { horizon: 'short' } },
    { key: 'outreach', kind: 'service', text: 'Outreach that meets people where they are' },
    { key: 'evenings', kind: 'note', text: 'Open evenings and weekends' },
  ],
  Partners: [
    { key: 'outreach-team', kind: 'partner', text: 'Street outreach team' },
    { key: 'cab', kind: 'partner', text: 'Citizens Advice' },
    { key: 'nhs', kind: 'partner', text: 'NHS homeless health team' },
    { key: 'landlords', kind: 'partner', text: 'Landlords’ forum' },
    { key: 'faith', kind: 'partner', text: 'Faith and community network' },
  ],
  Resources: [
    {
      key: 'grant',
      kind: 'resource',
      text: 'Homelessness prevention grant',
      fields: { amount: '£240,000 a year' },
    },
    { key: 'mentor-time', kind: 'resource', text: 'Two peer mentors, three days a week' },
    { key: 'hall', kind: 'resource', text: 'Community hall on Tuesdays' },
    { key: 'records', kind: 'resource', text: 'Shared case notes, with consent' },
    { key: 'floating', kind: 'service', text: 'Floating tenancy support' },
  ],
  'Barriers and rules to change': [
    {
      key: 'local',
      kind: 'barrier',
      text: 'Local connection rule: two years in the borough',
      fields: { isThreshold: true, proposal: 'test-removing' },
    },
    {
      key: 'nrpf',
      kind: 'barrier',
      text: 'No recourse to public funds',
      fields: { isThreshold: true, proposal: 'keep' },
    },
    {
      key: 'priority',
      kind: 'barrier',
      text: '“Priority need” test for single adults',
      fields: { isThreshold: true, proposal: 'remove' },
    },
    { key: 'deposit', kind: 'barrier', text: 'Deposit and rent in advance' },
    { key: 'no-pets', kind: 'barrier', text: 'Hostels do not take pets' },
  ],
  Learning: [
    {
      key: 'pilot',
      kind: 'learning',
      text: 'Drop the local connection rule for six months',
      fields: { status: 'planned', reviewDate: '2026-09-30' },
    },
    {
      key: 'foodbank-test',
      kind: 'learning',
      text: 'Does outreach at the food bank reach people sooner?',
      fields: { status: 'running' },
    },
    {
      key: 'first-contact',
      kind: 'learning',
      text: 'Peer mentor at first contact',
      fields: { status: 'planned' },
    },
    { key: 'watch', kind: 'note', text: 'Watch: returns to the street within 3 months' },
    { key: 'pets-test', kind: 'learning', text: 'Two pet-friendly rooms in the hostel' },
  ],
  'Next steps': [
    {
      key: 'agreement',
      kind: 'action',
      text: 'Draft the pilot agreement',
      fields: { owner: 'Commissioner', due: '2026-02-15' },
    },
    { key: 'ask-landlords', kind: 'action', text: 'Ask the landlords’ forum about rent guarantees' },
    { key: 'review', kind: 'action', text: 'Book the review session for March' },
    { key: 'board', kind: 'action', text: 'Share this plan with the housing board' },
    { key: 'recruit', kind: 'action', text: 'Recruit two more peer mentors' },
  ],
};

const BUSY_LINKS: readonly [string, string, string, string?][] = [
  ['outreach', 'second', 'contributes-to'],
  ['floating', 'keep', 'contributes-to'],
  ['desk', 'once', 'contributes-to', 'if joined up'],
  ['grant', 'floating', 'funds'],
  ['mentor-time', 'outreach', 'funds'],
  ['local', 'safe', 'blocks'],
  ['today-id', 'safe', 'blocks'],
  ['outreach', 'gp', 'mitigates'],
  ['pilot', 'local', 'tests'],
  ['pets-test', 'no-pets', 'tests'],
  ['outreach', 'outreach-team', 'depends-on'],
  ['agreement', 'pilot', 'refers-to'],
  ['peers', 'once', 'contributes-to'],
  ['foodbank', 'comes', 'contributes-to'],
  ['foodbank-test', 'foodbank', 'tests'],
  ['ask-landlords', 'deposit', 'refers-to'],
];

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

test('a busy board of every kind of card with connections renders and lists everything', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  const frames = (await page.evaluate(() =>
    [...window.dreamboardDebug!.session.snapshot().frames.values()].map((f) => ({
      id: f.id,
      title: f.title,
      x: f.x,
      y: f.y,
    })),
  )) as { id: string; title: string; x: number; y: number }[];
  const ids = new Map<string, string>();
  const cards: RawRecord[] = [];
  let n = 0;
  for (const frame of frames) {
    for (const [i, c] of (BUSY_FRAMES[frame.title] ?? []).entries()) {
      const id = `busy${String(n).padStart(3, '0')}`;
      ids.set(c.key, id);
      // Two rows of cards under the template's prompt note.
      const col = i < 3 ? i : i - 3;
      const row = i < 3 ? 0 : 1;
      cards.push({
        id,
        kind: c.kind,
        x: frame.x + 40 + col * 340 + (row === 1 ? 170 : 0),
        y: frame.y + 280 + row * 200,
        w: 300,
        h: 160,
        z: `b${B62[Math.floor(n / 62)]}${B62[n % 62]}`,
        text: c.text,
        frame: frame.id,
        fields: c.fields ?? {},
        createdBy: 'workshop',
        createdRole: null,
        createdAt: 1_760_000_000_000,
      });
      n++;
    }
  }
  const connectors = BUSY_LINKS.map(([from, to, kind, label], i) => ({
    id: `link${i}`,
    from: ids.get(from)!,
    to: ids.get(to)!,
    kind,
    label: label ?? '',
  }));
  await seedRaw(page, { cards, connectors });
  await page.evaluate(() => {
    const editor = window.dreamboardDebug!.editor;
    editor.store.set({ selection: new Set() });
    editor.zoomToFit();
  });

  const doc = await docSummary(page);
  expect(await page.evaluate(() => window.dreamboardDebug!.session.snapshot().quarantine)).toEqual([]);
  expect(doc.cards.length).toBeGreaterThanOrEqual(40 + 9);
  expect(new Set(doc.cards.map((c) => c.kind))).toEqual(new Set(CARD_KINDS));
  expect(new Set(doc.connectors.map((c) => c.kind))).toEqual(new Set(CONNECTOR_KINDS));
  await expect(treeItem(page, /Outcome: One conversation, not five, 2 connections/)).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/busy-canvas.png` });

  // Closer in, with a card selected, so the details panel and the card faces can be checked by eye.
  await treeItem(page, /Barrier: Local connection rule/).click();
  await page.evaluate(() => {
    const editor = window.dreamboardDebug!.editor;
    editor.zoomTo(0.6);
    editor.reveal([...editor.state.selection][0]!);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/busy-canvas-close.png` });
});
