import type { Locator, Page } from 'playwright-core';

/** What the keyboard user sees on one focused control, compared with the same control unfocused. */
export interface FocusReading {
  control: string;
  /** The focus outline or box shadow differs from the unfocused control. */
  changed: boolean;
  /** The indicator's colour against the background it is drawn on (WCAG 1.4.11 asks 3:1). */
  contrast: number;
  indicator: string;
}

/**
 * Remembers every focusable control's unfocused outline and shadow inside `container`, so the
 * readings taken while tabbing can be compared with them.
 */
export async function rememberUnfocused(container: Locator) {
  await container.evaluate((root) => {
    const store = new WeakMap<Element, { outline: string; shadow: string }>();
    // Every element, since a field may draw its ring on a wrapper (tags and multi-selects: focus-within).
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      const cs = getComputedStyle(el);
      store.set(el, {
        outline:
          cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) === 0
            ? 'none'
            : `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
        shadow: cs.boxShadow,
      });
    }
    (window as unknown as { __unfocused: typeof store }).__unfocused = store;
  });
}

/** Reads the focus indicator of the element that has focus now. */
export async function readFocus(page: Page): Promise<FocusReading> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const parse = (c: string) => {
      const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
      return m ? { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: m[4] === undefined ? 1 : Number(m[4]) } : null;
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    // The indicator is drawn around the control, on the first ancestor that paints a background.
    let bg = [255, 255, 255];
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = parse(getComputedStyle(p).backgroundColor);
      if (c && c.alpha > 0.5) {
        bg = c.rgb;
        break;
      }
    }
    const label =
      el.getAttribute('aria-label') ??
      el.getAttribute('data-testid') ??
      ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.tagName).trim().slice(0, 40);
    const control = `${el.tagName.toLowerCase()} "${label}"`;
    const candidates: { changed: boolean; colour: string; indicator: string }[] = [];
    // The control itself, or the field box around it (two levels up at most).
    for (let node: Element | null = el, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
      const cs = getComputedStyle(node);
      const before = (window as unknown as { __unfocused?: WeakMap<Element, { outline: string; shadow: string }> }).__unfocused?.get(node);
      const outline =
        cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) === 0
          ? 'none'
          : `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`;
      if (outline !== 'none')
        candidates.push({ changed: outline !== (before?.outline ?? 'none'), colour: cs.outlineColor, indicator: `outline ${outline}` });
      if (cs.boxShadow !== 'none')
        candidates.push({
          changed: cs.boxShadow !== (before?.shadow ?? 'none'),
          colour: cs.boxShadow,
          indicator: `box-shadow ${cs.boxShadow}`,
        });
    }
    const scored = candidates.map((c) => {
      const colour = parse(c.colour);
      return { ...c, contrast: colour && colour.alpha > 0.5 ? contrast(colour.rgb, bg) : 1 };
    });
    const best = scored.filter((c) => c.changed).sort((a, b) => b.contrast - a.contrast)[0];
    return best
      ? { control, changed: true, contrast: best.contrast, indicator: best.indicator }
      : { control, changed: false, contrast: 1, indicator: 'none' };
  });
}
