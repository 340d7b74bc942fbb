package io.incidenttimeline.projections.audit.chain;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/** Iterates rows fetched a page at a time, each page starting after the position of the previous page's last row. */
public final class PagedIterator<T> implements Iterator<T> {

    private final LongFunction<List<T>> pageAfter;
    private final ToLongFunction<T> position;
    private long last;
    private Iterator<T> page;
    private boolean exhausted;

    public PagedIterator(LongFunction<List<T>> pageAfter, ToLongFunction<T> position, long after) {
        this.pageAfter = pageAfter;
        this.position = position;
        this.last = after;
    }

    @Override
    public boolean hasNext() {
        if (page != null && page.hasNext()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        List<T> rows = pageAfter.apply(last);
        if (rows.isEmpty()) {
            exhausted = true;
            return false;
        }
        page = rows.iterator();
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T row = page.next();
        last = position.applyAsLong(row);
        return row;
    }
}
