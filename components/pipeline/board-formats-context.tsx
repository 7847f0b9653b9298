"use client";

import { createContext, type ReactNode, use } from "react";
import type { BoardFormats } from "./board-format";

const BoardFormatsContext = createContext<BoardFormats | null>(null);

export function BoardFormatsProvider({ formats, children }: { formats: BoardFormats; children: ReactNode }) {
  return <BoardFormatsContext value={formats}>{children}</BoardFormatsContext>;
}

export function useBoardFormats(): BoardFormats {
  const formats = use(BoardFormatsContext);
  if (!formats) throw new Error("useBoardFormats outside the board");
  return formats;
}
