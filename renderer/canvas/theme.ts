/**
 * How the board looks: sizes in world units (1 unit = 1 CSS pixel at zoom 1) unless named *_PX
 * (screen pixels, the same at every zoom). The in-place text editor uses the same fonts and
 * offsets so typed text sits exactly where the drawn text was.
 */
export const FONT_FAMILY =
  '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif';

export const CARD_STYLE = {
  padding: 10,
  radius: 6,
  borderWidth: 2,
  iconSize: 20,
  headerHeight: 32,
  /** Kind name: ≥ 14px at zoom 1 so it is legible without colour. */
  labelFont: `bold 14px ${FONT_FAMILY}`,
  bodyTop: 38,
  bodyFontSize: 16,
  bodyLineHeight: 20,
  bodyFont: `16px ${FONT_FAMILY}`,
  placeholderFont: `italic 14px ${FONT_FAMILY}`,
  markerFont: `bold 14px ${FONT_FAMILY}`,
  markerHeight: 22,
  text: '#1F1F1F',
  /** 7:1 on the lightest card fill: placeholder text still passes AA. */
  placeholder: '#4A4A4A',
} as const;

export const FRAME_STYLE = {
  fill: '#F4F6F8',
  stroke: '#6B7785',
  strokeWidth: 2,
  radius: 8,
  titleFill: '#E4E9EE',
  titleColor: '#1F2933',
  titleFontSize: 22,
  lockedColor: '#5B6470',
} as const;

export const CONNECTOR_STYLE = {
  stroke: '#3E4C59',
  width: 2,
  arrowLength: 12,
  arrowWidth: 10,
  labelFont: `14px ${FONT_FAMILY}`,
  labelColor: '#1F2933',
  labelFill: '#FFFFFF',
} as const;

/** Focus and selection: ≥ 3:1 against the canvas and every card fill (WCAG 1.4.11). */
export const SELECTION_STYLE = {
  color: '#0B57D0',
  widthPx: 3,
  gapPx: 3,
  handleFill: '#FFFFFF',
  marqueeFill: 'rgba(11, 87, 208, 0.08)',
  dropTarget: '#0B57D0',
} as const;

export const CANVAS_BACKGROUND = '#FAFAF7';
