import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** A box a too-wide table scrolls in, named by the table's caption and focusable while it scrolls. */
export function ScrollBox({ children }: { readonly children: (captionId: string) => ReactNode }) {
  const captionId = useId();
  const { ref, scrollable } = useScrollable<HTMLDivElement>();
  return (
    <div className="table-scroll" ref={ref} {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-labelledby': captionId } : {})}>
      {children(captionId)}
    </div>
  );
}

/**
 * Whether an element's content is wider than the element. A table too wide for a narrow screen
 * scrolls in its own box (WCAG 1.4.10 allows that for data tables), and a keyboard user must
 * be able to scroll it: the box takes the focus only then, so wide screens get no extra Tab stop.
 */
function useScrollable<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [scrollable, setScrollable] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return undefined;
    const measure = () => setScrollable(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return { ref, scrollable };
}
