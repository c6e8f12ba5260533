/**
 * Card kinds of a dream service model. Each kind has a name, a colour and an icon so that meaning
 * never rests on colour alone (WCAG 1.4.1).
 */
export const CARD_KINDS = [
  'need',
  'strength',
  'person',
  'partner',
  'service',
  'outcome',
  'resource',
  'barrier',
  'learning',
  'action',
  'note',
] as const;

export type CardKind = (typeof CARD_KINDS)[number];

export interface CardKindInfo {
  readonly kind: CardKind;
  /** Short plain-language name shown on the card and in menus. */
  readonly label: string;
  /** One line saying what the kind is for, in words a resident would use. */
  readonly hint: string;
  /** Card background. Chosen so that dark text on it passes WCAG AA contrast (≥ 4.5:1). */
  readonly fill: string;
  /** Border and icon colour; ≥ 3:1 against the fill and the canvas (non-text contrast). */
  readonly accent: string;
  /** SVG path data in a 24×24 box, drawn by Konva, the DOM and the PDF alike. */
  readonly icon: string;
  /** Keyboard shortcut digit/letter used with the "add card" palette. */
  readonly key: string;
}

export const CARD_KIND_INFO: Readonly<Record<CardKind, CardKindInfo>> = {
  need: {
    kind: 'need',
    label: 'Need',
    hint: 'What matters to people, or what they need',
    fill: '#FDE2E4',
    accent: '#B3261E',
    icon: 'M12 21s-7.5-4.6-9.5-9.2C1 8.3 3.2 4.5 6.8 4.5c2.1 0 3.6 1.2 5.2 3 1.6-1.8 3.1-3 5.2-3 3.6 0 5.8 3.8 4.3 7.3C19.5 16.4 12 21 12 21z',
    key: '1',
  },
  strength: {
    kind: 'strength',
    label: 'Strength',
    hint: 'Something good a community or person already has',
    fill: '#DDF4E4',
    accent: '#1E6B34',
    icon: 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z',
    key: '2',
  },
  person: {
    kind: 'person',
    label: 'Voice',
    hint: 'A person’s own words or story (with their consent)',
    fill: '#FFF1C9',
    accent: '#7A5600',
    icon: 'M4 4h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H10l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z',
    key: '3',
  },
  partner: {
    kind: 'partner',
    label: 'Partner',
    hint: 'An organisation or group, and what it brings',
    fill: '#E3E8FD',
    accent: '#2F45A8',
    icon: 'M8.5 7a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zm7 0a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM2 20c0-3 3-5 6.5-5 1.3 0 2.5.3 3.5.8 1-.5 2.2-.8 3.5-.8C19 15 22 17 22 20z',
    key: '4',
  },
  service: {
    kind: 'service',
    label: 'Service',
    hint: 'A service, offer or activity',
    fill: '#DCEFFA',
    accent: '#0B5A84',
    icon: 'M4 6h16v3H4zm0 5h16v3H4zm0 5h10v3H4z',
    key: '5',
  },
  outcome: {
    kind: 'outcome',
    label: 'Outcome',
    hint: 'A change for people that we want to see',
    fill: '#E9E1F8',
    accent: '#5B2E9E',
    icon: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 4a6 6 0 1 0 0 12 6 6 0 0 0 0-12zm0 3.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z',
    key: '6',
  },
  resource: {
    kind: 'resource',
    label: 'Resource',
    hint: 'Money, people, space, data or time',
    fill: '#F3ECDD',
    accent: '#6B4E16',
    icon: 'M12 3c4.4 0 8 1.3 8 3v12c0 1.7-3.6 3-8 3s-8-1.3-8-3V6c0-1.7 3.6-3 8-3zm0 2C8.1 5 6 6 6 6.5S8.1 8 12 8s6-1 6-1.5S15.9 5 12 5z',
    key: '7',
  },
  barrier: {
    kind: 'barrier',
    label: 'Barrier',
    hint: 'Something that gets in the way, like a rule that keeps people out',
    fill: '#FFE3D1',
    accent: '#9A3A00',
    icon: 'M8.3 2h7.4L21 7.3v7.4L15.7 20H8.3L3 14.7V7.3zM7 10v2h10v-2z',
    key: '8',
  },
  learning: {
    kind: 'learning',
    label: 'Learning',
    hint: 'Something to try and learn from',
    fill: '#D8F3F1',
    accent: '#0E6660',
    icon: 'M9 2h6v2h-1v5.2l5.6 9.3A2 2 0 0 1 17.9 21H6.1a2 2 0 0 1-1.7-2.5L10 9.2V4H9z',
    key: '9',
  },
  action: {
    kind: 'action',
    label: 'Next step',
    hint: 'Something someone will do next',
    fill: '#E6F2D5',
    accent: '#3F6212',
    icon: 'M4 11h11.2l-4.6-4.6L12 5l7 7-7 7-1.4-1.4 4.6-4.6H4z',
    key: '0',
  },
  note: {
    kind: 'note',
    label: 'Note',
    hint: 'Anything else',
    fill: '#FFF8B8',
    accent: '#6E6300',
    icon: 'M5 3h14v12l-6 6H5zm8 12v4.2l4.2-4.2z',
    key: 'n',
  },
};

/** Role categories. Plans and the equity-of-voice view count by these, never by name. */
export const ROLE_CATEGORIES = [
  'lived-experience',
  'carer',
  'frontline',
  'community-partner',
  'commissioner',
  'other',
] as const;
export type RoleCategory = (typeof ROLE_CATEGORIES)[number];

export const ROLE_LABELS: Readonly<Record<RoleCategory, string>> = {
  'lived-experience': 'Lived experience',
  carer: 'Carer',
  frontline: 'Frontline worker',
  'community-partner': 'Community or voluntary partner',
  commissioner: 'Commissioner',
  other: 'Other',
};

/** Where what a card says comes from. */
export const EVIDENCE_SOURCES = ['lived-experience', 'practitioner', 'data', 'research'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];
export const EVIDENCE_LABELS: Readonly<Record<EvidenceSource, string>> = {
  'lived-experience': 'Lived experience',
  practitioner: 'Practitioner knowledge',
  data: 'Data',
  research: 'Research',
};
