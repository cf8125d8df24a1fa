/** `Page 2 / 4` and a dot per page; the dots repeat the text, so they are hidden from assistive tech. */
export function PageIndicator({ page, pageCount }: { page: number; pageCount: number }) {
  return (
    <p className="noc-pages" data-page={page + 1} data-pages={pageCount}>
      <span className="noc-pages-text">
        Page {page + 1} / {pageCount}
      </span>
      <span className="noc-dots" aria-hidden="true">
        {Array.from({ length: Math.min(pageCount, 12) }, (_, index) => (
          <span key={index} className="noc-dot" data-current={index === page || undefined} />
        ))}
      </span>
    </p>
  );
}
