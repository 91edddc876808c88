package dev.heapdelta.analyzer.leaks;

/**
 * The containers of one snapshot that share a path key, summed: usually one object, sometimes
 * many (every session's attribute map is {@code static SessionStore.CACHE › [] › attributes}).
 *
 * @param representative the member with the largest retained size; its path is the one reported
 * @param members the object indexes of all members
 * @param retainedBytes the retained size of the members, each counted once even when one dominates another
 */
public record ContainerGroup(String pathKey, ContainerKind kind, String family, long elements, long retainedBytes,
        int representative, int[] members) {
}
