import { useCallback, useRef, useState } from 'react';

interface DialogState<T> {
  value: T | null;
  opened: boolean;
  /** Changes on every opening: used as a React key so each opening starts with a fresh form. */
  key: number;
}

/**
 * Which dialog is open, for what, and the control that opened it. The value is kept while the
 * dialog animates closed. Focus goes back to the opening control: dialogs opened from a menu item
 * would otherwise return focus to an element that no longer exists. When the control itself is
 * gone (the row was deleted), focus goes to the element with `fallbackId`, typically a heading.
 */
export function useDialog<T>(fallbackId?: string) {
  const [state, setState] = useState<DialogState<T>>({ value: null, opened: false, key: 0 });
  const trigger = useRef<HTMLElement | null>(null);

  const open = useCallback((value: T, from?: HTMLElement | null) => {
    trigger.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setState((s) => ({ value, opened: true, key: s.key + 1 }));
  }, []);

  const close = useCallback(() => {
    setState((s) => ({ ...s, opened: false }));
    const element = trigger.current;
    // After Mantine's own focus return (10 ms), which may target a vanished menu item.
    window.setTimeout(() => {
      if (element?.isConnected) element.focus();
      else if (fallbackId) document.getElementById(fallbackId)?.focus();
    }, 40);
  }, [fallbackId]);

  return { value: state.value, opened: state.opened, key: state.key, current: state.opened ? state.value : null, open, close };
}
