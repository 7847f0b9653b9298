"use client";

import { type ComponentProps, type ReactNode, useCallback, useState } from "react";

type MenuModule = typeof import("./dropdown-menu");

let loading: Promise<MenuModule> | null = null;
/** The menu's code (Radix Menu, Popper, Portal: about 35 KB gzipped), fetched once, on first use. */
const loadMenu = () => (loading ??= import("./dropdown-menu"));

type LazyDropdownMenuProps = {
  /** The trigger's props (label, class, test id…): the same on the placeholder button and on the real trigger. */
  trigger: Omit<ComponentProps<"button">, "onClick" | "type" | "children"> & { "data-testid"?: string };
  triggerContent: ReactNode;
  /** The menu's content, built from the loaded module's components. */
  content: (ui: MenuModule) => ReactNode;
};

/**
 * A dropdown menu whose code loads the first time it is opened. Until then its trigger is a plain button
 * (no Radix tree to hydrate: a board renders one per card, a page header one for the user); activating it
 * by mouse, touch or keyboard loads the menu and opens it, focus moving into it as with any Radix menu.
 */
export function LazyDropdownMenu({ trigger, triggerContent, content }: LazyDropdownMenuProps) {
  const [ui, setUi] = useState<MenuModule | null>(null);
  const [isOpen, setIsOpen] = useState(false);
  const open = useCallback(() => {
    void loadMenu().then((module) => {
      setUi(() => module);
      setIsOpen(true);
    });
  }, []);

  if (!ui) {
    return (
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={false}
        {...trigger}
        // Start fetching as the pointer comes near, so the menu usually opens with no wait.
        onPointerEnter={() => void loadMenu()}
        onFocus={() => void loadMenu()}
        onClick={open}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            open();
          }
        }}
      >
        {triggerContent}
      </button>
    );
  }
  const { DropdownMenu, DropdownMenuTrigger } = ui;
  return (
    <DropdownMenu open={isOpen} onOpenChange={setIsOpen}>
      <DropdownMenuTrigger {...trigger}>{triggerContent}</DropdownMenuTrigger>
      {content(ui)}
    </DropdownMenu>
  );
}
