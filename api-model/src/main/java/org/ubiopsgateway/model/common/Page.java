package org.ubiopsgateway.model.common;

import java.util.List;

/**
 * One page of a list that upstream pages by offset.
 *
 * @param nextOffset the offset of the next page, or null on the last page
 */
public record Page<T>(List<T> items, int limit, int offset, Integer nextOffset) {

    /**
     * Builds a page from {@code limit + 1} items fetched upstream: the extra item, if present, only says that
     * another page exists.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, int offset) {
        boolean more = fetched.size() > limit;
        return new Page<>(more ? List.copyOf(fetched.subList(0, limit)) : List.copyOf(fetched), limit, offset,
                more ? offset + limit : null);
    }
}
