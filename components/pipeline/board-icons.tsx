import { AlertTriangle, CalendarClock, Clock, MoreHorizontal, Siren } from "lucide-react";

// The icons every card repeats, drawn once per board and referenced by id: a card then holds an <svg><use>
// per icon instead of the icon's paths, which keeps the first HTML, its parsing and hydration small.
const ICONS = { more: MoreHorizontal, closes: CalendarClock, days: Clock, warning: AlertTriangle, siren: Siren } as const;
export type BoardIconName = keyof typeof ICONS;

const symbolId = (name: BoardIconName) => `board-icon-${name}`;

/** The symbols, rendered once by the board (it shows nothing itself). */
export function BoardIconSprite() {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      <defs>
        {(Object.entries(ICONS) as [BoardIconName, (typeof ICONS)[BoardIconName]][]).map(([name, Icon]) => (
          <symbol key={name} id={symbolId(name)} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        ))}
      </defs>
    </svg>
  );
}

/** One of the board's icons, decorative: the text beside it says what it means. */
export function BoardIcon({ name, className }: { name: BoardIconName; className: string }) {
  return (
    <svg className={className} aria-hidden="true" focusable="false">
      <use href={`#${symbolId(name)}`} />
    </svg>
  );
}
