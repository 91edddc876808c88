package dev.heapdelta.analyzer.leaks;

/**
 * The containers of one snapshot that share a path key, summed: usually one object, sometimes
 * many (every session's attribute map is {@code static SessionStore.CACHE › [] › attributes}; a
 * ThreadLocal's value in each thread is that ThreadLocal's key).
 *
 * @param representative the member with the largest retained size; its path is the one reported
 * @param members the object indexes of all members
 * @param retainedBytes the retained size of the members, each counted once even when one dominates another
 * @param bounds a cache's configured maximum and weight (summed over members that all have one)
 * @param keys a multimap's key count (summed), -1 for other containers
 * @param threadLocal whether the members are the values of one ThreadLocal, one per thread
 * @param view the {@code Collections} method whose view the members are ({@link Container#view}), or null
 */
public record ContainerGroup(String pathKey, ContainerKind kind, String family, long elements, long retainedBytes,
        int representative, int[] members, CacheBounds bounds, long keys, boolean threadLocal, String view) {

    public ContainerGroup(String pathKey, ContainerKind kind, String family, long elements, long retainedBytes,
            int representative, int[] members) {
        this(pathKey, kind, family, elements, retainedBytes, representative, members, CacheBounds.NONE, -1, false,
                null);
    }
}
