// Where everything of a fishbone goes in the SVG: pure geometry, so the diagram, its export and a test can
// share it. Bones alternate above and below the spine; each bone lists its causes (sub-causes indented) as
// rows along the bone, and the drawing grows with the longest bone so 60 causes stay readable.
import { flattenCauseTree, type Fishbone, type FishboneCause } from "@/lib/domain/fishbone";

export const ROW = 20;
const BONE_WIDTH = 300;
const MARGIN = 24;
const HEAD_WIDTH = 210;
const INDENT = 14;
/** Average glyph width at 12px, generous for CJK, used to cut long texts (the full text is in the tooltip). */
const GLYPH = 7;

export type CauseBox = { cause: FishboneCause; categoryId: string; depth: number; x: number; y: number; label: string };
export type BoneBox = { categoryId: string; name: string; color: string; from: { x: number; y: number }; to: { x: number; y: number }; labelY: number; isTop: boolean };
export type FishboneLayout = {
  width: number; height: number; spineY: number; spineFrom: number; spineTo: number;
  head: { x: number; y: number; width: number; height: number; lines: string[] };
  bones: BoneBox[]; causes: CauseBox[];
};

const COLORS = ["#4f46e5", "#0891b2", "#b45309", "#be123c", "#15803d", "#7c3aed", "#0f766e", "#a21caf"];

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest && lines.length < maxLines) {
    if (rest.length <= width) { lines.push(rest); break; }
    const space = rest.lastIndexOf(" ", width);
    const at = space > width / 2 ? space : width;
    lines.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest && lines.length === maxLines && lines.join(" ").length < text.trim().length) lines[maxLines - 1] = cut(lines[maxLines - 1], width);
  return lines;
}

export function layoutFishbone(fishbone: Fishbone): FishboneLayout {
  const trees = fishbone.categories.map((category) => flattenCauseTree(category.causes));
  const sideRows = (isTop: boolean) => Math.max(2, ...trees.filter((_, index) => (index % 2 === 0) === isTop).map((tree) => tree.length));
  const sideHeight = (isTop: boolean) => 44 + sideRows(isTop) * ROW;
  const columns = Math.max(1, Math.ceil(fishbone.categories.length / 2));
  const spineY = MARGIN + sideHeight(true);
  const height = spineY + sideHeight(false) + MARGIN;
  const spineTo = MARGIN + columns * BONE_WIDTH;
  const width = spineTo + HEAD_WIDTH + MARGIN;

  const bones: BoneBox[] = [];
  const causes: CauseBox[] = [];
  fishbone.categories.forEach((category, index) => {
    const isTop = index % 2 === 0;
    const column = Math.floor(index / 2);
    const left = MARGIN + column * BONE_WIDTH;
    const from = { x: left + BONE_WIDTH - 24, y: spineY };
    const to = { x: left + 24, y: isTop ? spineY - sideHeight(true) + 24 : spineY + sideHeight(false) - 24 };
    bones.push({ categoryId: category.id, name: cut(category.name, 34), color: COLORS[index % COLORS.length], from, to, labelY: isTop ? to.y - 8 : to.y + 16, isTop });
    const xOnBone = (y: number) => to.x + ((from.x - to.x) * (y - to.y)) / (from.y - to.y);
    trees[index].forEach(({ cause, depth }, row) => {
      const y = isTop ? to.y + 18 + row * ROW : spineY + 22 + row * ROW;
      const x = xOnBone(y) + 8 + depth * INDENT;
      const room = Math.floor((left + BONE_WIDTH - 6 - x) / GLYPH);
      causes.push({ cause, categoryId: category.id, depth, x, y, label: cut(cause.text, Math.max(8, room)) });
    });
  });

  const lines = wrap(fishbone.head || "—", 24, 4);
  const headHeight = 24 + lines.length * 18;
  return {
    width, height, spineY, spineFrom: MARGIN, spineTo,
    head: { x: spineTo, y: spineY - headHeight / 2, width: HEAD_WIDTH - 10, height: headHeight, lines },
    bones, causes,
  };
}
