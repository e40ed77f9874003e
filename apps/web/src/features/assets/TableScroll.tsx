import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A table that scrolls sideways on narrow screens. Only while it actually scrolls does the
 * container become a named, focusable region, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  const { t } = useTranslation('assets');
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <Table.ScrollContainer
      ref={ref}
      minWidth={minWidth}
      type="native"
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': t('table.scrollRegion') } : {})}
    >
      {children}
    </Table.ScrollContainer>
  );
}
