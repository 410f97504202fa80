"""Reading catalog pages ahead, in a thread, while the pages before are applied.

Reading a page is mostly waiting for the online store; applying one is mostly the database.
Overlapping the two shortens a full import. The reader stops at the end of the window, at the
first failure (handed to the caller in order), or when it is closed.
"""

from __future__ import annotations

import queue
import threading

from sync.connector import CatalogCursor, CatalogPage, OnlineStore

_PUT_WAIT_S = 0.1


class PageReader:
    """Pages of one catalog window, in order, read up to ``ahead`` pages in advance."""

    def __init__(self, store: OnlineStore, first: CatalogCursor, *, ahead: int) -> None:
        self._store = store
        self._pages: queue.Queue[CatalogPage | Exception] = queue.Queue(maxsize=max(1, ahead))
        self._closing = threading.Event()
        self._thread = threading.Thread(
            target=self._read, args=(first,), name="catalog-reader", daemon=True
        )
        self._thread.start()

    def _read(self, cursor: CatalogCursor | None) -> None:
        try:
            while cursor is not None and not self._closing.is_set():
                page = self._store.catalog_page(cursor)
                self._hand_over(page)
                cursor = page.next_cursor
        except Exception as error:  # handed to the caller, who raises it
            self._hand_over(error)
        except BaseException as error:  # never leave the caller waiting for a page
            self._hand_over(RuntimeError(f"the catalog reader stopped: {error!r}"))
            raise

    def _hand_over(self, item: CatalogPage | Exception) -> None:
        while not self._closing.is_set():
            try:
                self._pages.put(item, timeout=_PUT_WAIT_S)
                return
            except queue.Full:
                continue

    def next_page(self) -> CatalogPage:
        """The next page (waits for it); raises what reading it raised."""
        item = self._pages.get()
        if isinstance(item, Exception):
            raise item
        return item

    def close(self) -> None:
        """Stop reading ahead; pages read but not taken are dropped."""
        self._closing.set()
        while True:
            try:
                self._pages.get_nowait()
            except queue.Empty:
                break
        self._thread.join()

    def __enter__(self) -> PageReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
