/**
 * Text measuring and wrapping without a DOM, so the SVG (and the PDF made from it) lay out the
 * same in Node and in the app. Advance widths are DejaVu Sans's own (the font the exports
 * embed), in thousandths of an em, for printable ASCII; other characters use a conservative
 * average so wrapped lines never overflow a card.
 */
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
  295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
  500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
  392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696,
  696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
  372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
  500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
  478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

function advance(codePoint: number, bold: boolean): number {
  if (codePoint >= 32 && codePoint < 127) return (bold ? BOLD : REGULAR)[codePoint - 32]!;
  // East Asian scripts and emoji are about one em wide; accented Latin, Welsh and Greek about 0.65 em.
  if (codePoint >= 0x2e80) return 1000;
  return bold ? 720 : 660;
}

export function measureText(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0)!, bold);
  return (units * fontSize) / 1000;
}

/**
 * Lines of `text` that fit `maxWidth`, breaking at spaces (and inside words too long for a
 * line), keeping the writer's line breaks. At most `maxLines`: the last shown line ends with
 * an ellipsis when text was cut.
 */
export function wrapText(
  text: string,
  fontSize: number,
  maxWidth: number,
  maxLines: number,
  bold = false,
): string[] {
  if (maxLines <= 0) return [];
  // One line more than fits is enough to know the text was cut.
  const limit = maxLines + 1;
  const all: string[] = [];
  const push = (line: string) => {
    all.push(line);
    return all.length >= limit;
  };
  outer: for (const paragraph of text.trim().split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measureText(candidate, fontSize, bold) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '' && push(line)) break outer;
      line = '';
      for (const ch of word) {
        if (line !== '' && measureText(line + ch, fontSize, bold) > maxWidth) {
          if (push(line)) break outer;
          line = '';
        }
        line += ch;
      }
    }
    if (push(line)) break;
  }
  const lines = all.slice(0, maxLines);
  if (all.length > maxLines)
    lines[maxLines - 1] = withEllipsis(lines[maxLines - 1]!, fontSize, maxWidth, bold);
  return lines;
}

function withEllipsis(line: string, fontSize: number, maxWidth: number, bold: boolean): string {
  let cut = [...line];
  while (cut.length > 0 && measureText(`${cut.join('')}…`, fontSize, bold) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.join('').trimEnd()}…`;
}
