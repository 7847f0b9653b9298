import { cn } from "@/components/ui/cn";

// The icons every card repeats, as CSS masks: a card holds one empty <span> per icon, painted in the text's
// colour through the icon's shape. An inline <svg> per icon (or an <svg><use> of a sprite, whose shadow copy
// the browser styles again for every use) made the board's first style pass about twice as long.
// The shapes are lucide's (ISC licence), the set the rest of the app draws with.
const ICONS = {
  more: '<circle cx="12" cy="12" r="1"/><circle cx="19" cy="12" r="1"/><circle cx="5" cy="12" r="1"/>',
  closes:
    '<path d="M16 2v3"/><path d="M17 15.5v1.7l1 .625"/><path d="M21 8.936V5a2 2 0 00-2-2H5a2 2 0 00-2 2v14a2 2 0 002 2h3.935"/>' +
    '<path d="M3 9h9.873"/><path d="M8 2v3"/><circle cx="17" cy="17" r="5"/>',
  days: '<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>',
  warning: '<path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3"/><path d="M12 9v4"/><path d="M12 17h.01"/>',
  siren:
    '<path d="M7 18v-6a5 5 0 1 1 10 0v6"/><path d="M5 21a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-1a2 2 0 0 0-2-2H7a2 2 0 0 0-2 2z"/>' +
    '<path d="M21 12h1"/><path d="M18.5 4.5 18 5"/><path d="M2 12h1"/><path d="M12 2v1"/><path d="m4.929 4.929.707.707"/><path d="M12 12v6"/>',
} as const;
export type BoardIconName = keyof typeof ICONS;

/** The icon as a standalone SVG document, stroked the way lucide strokes it (24×24, 2px round strokes). */
const iconSvg = (shapes: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#000" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${shapes}</svg>`;

const ICON_STYLES = [
  ".board-icon{display:inline-block;flex-shrink:0;background-color:currentColor;-webkit-mask:var(--board-icon) center/contain no-repeat;mask:var(--board-icon) center/contain no-repeat}",
  ...Object.entries(ICONS).map(([name, shapes]) => `.board-icon-${name}{--board-icon:url("data:image/svg+xml,${encodeURIComponent(iconSvg(shapes))}")}`),
].join("");

/** The icons' styles, rendered once by the board (it shows nothing itself). */
export function BoardIconStyles() {
  return <style>{ICON_STYLES}</style>;
}

/** One of the board's icons, decorative: the text beside it says what it means. */
export function BoardIcon({ name, className }: { name: BoardIconName; className: string }) {
  return <span aria-hidden="true" className={cn("board-icon", `board-icon-${name}`, className)} />;
}
