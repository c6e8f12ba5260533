/**
 * A realistic, busy dream service model (homelessness prevention) for screenshots: 45 cards of
 * every kind, placed in the template's frames, and 16 connections of every kind.
 */
export interface BusyCard {
  readonly key: string;
  readonly kind: string;
  readonly text: string;
  readonly fields?: Record<string, string | boolean>;
}

export const BUSY_FRAMES: Record<string, readonly BusyCard[]> = {
  'People and what matters': [
    { key: 'safe', kind: 'need', text: 'Somewhere safe to sleep tonight', fields: { whose: 'lived-experience' } },
    { key: 'story', kind: 'person', text: '“I had to tell my story five times to five people.”', fields: { consent: 'yes' } },
    { key: 'comes', kind: 'need', text: 'Help that comes to me, not the other way round' },
    { key: 'dog', kind: 'need', text: 'Keep my dog with me' },
    { key: 'case', kind: 'person', text: '“They treated me like a case number.”', fields: { consent: 'yes' } },
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
    { key: 'second', kind: 'outcome', text: 'Nobody sleeps rough for a second night', fields: { horizon: 'medium' } },
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
    { key: 'grant', kind: 'resource', text: 'Homelessness prevention grant', fields: { amount: '£240,000 a year' } },
    { key: 'mentor-time', kind: 'resource', text: 'Two peer mentors, three days a week' },
    { key: 'hall', kind: 'resource', text: 'Community hall on Tuesdays' },
    { key: 'records', kind: 'resource', text: 'Shared case notes, with consent' },
    { key: 'floating', kind: 'service', text: 'Floating tenancy support' },
  ],
  'Barriers and rules to change': [
    { key: 'local', kind: 'barrier', text: 'Local connection rule: two years in the borough', fields: { isThreshold: true, proposal: 'test-removing' } },
    { key: 'nrpf', kind: 'barrier', text: 'No recourse to public funds', fields: { isThreshold: true, proposal: 'keep' } },
    { key: 'priority', kind: 'barrier', text: '“Priority need” test for single adults', fields: { isThreshold: true, proposal: 'remove' } },
    { key: 'deposit', kind: 'barrier', text: 'Deposit and rent in advance' },
    { key: 'no-pets', kind: 'barrier', text: 'Hostels do not take pets' },
  ],
  Learning: [
    { key: 'pilot', kind: 'learning', text: 'Drop the local connection rule for six months', fields: { status: 'planned', reviewDate: '2026-09-30' } },
    { key: 'foodbank-test', kind: 'learning', text: 'Does outreach at the food bank reach people sooner?', fields: { status: 'running' } },
    { key: 'first-contact', kind: 'learning', text: 'Peer mentor at first contact', fields: { status: 'planned' } },
    { key: 'watch', kind: 'note', text: 'Watch: returns to the street within 3 months' },
    { key: 'pets-test', kind: 'learning', text: 'Two pet-friendly rooms in the hostel' },
  ],
  'Next steps': [
    { key: 'agreement', kind: 'action', text: 'Draft the pilot agreement', fields: { owner: 'Commissioner', due: '2026-02-15' } },
    { key: 'ask-landlords', kind: 'action', text: 'Ask the landlords’ forum about rent guarantees' },
    { key: 'review', kind: 'action', text: 'Book the review session for March' },
    { key: 'board', kind: 'action', text: 'Share this plan with the housing board' },
    { key: 'recruit', kind: 'action', text: 'Recruit two more peer mentors' },
  ],
};

export const BUSY_LINKS: readonly [string, string, string, string?][] = [
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
