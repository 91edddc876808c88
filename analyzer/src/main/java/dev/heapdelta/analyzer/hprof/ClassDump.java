package dev.heapdelta.analyzer.hprof;

/**
 * One CLASS_DUMP sub-record as read in the first pass: the class object's references, its declared
 * instance size, and its static and instance fields (names as string ids, values as raw bits).
 */
final class ClassDump {
    final long address;
    final long superAddress;
    final long loaderAddress;
    final long signersAddress;
    final long protectionDomainAddress;
    final int declaredInstanceSize;
    final long recordOffset;
    final long recordEnd;
    final int heapId;
    final long[] staticNameIds;
    final byte[] staticTypes;
    final long[] staticValues;
    final long[] fieldNameIds;
    final byte[] fieldTypes;

    ClassDump(long address, long superAddress, long loaderAddress, long signersAddress,
            long protectionDomainAddress, int declaredInstanceSize, long recordOffset, long recordEnd, int heapId,
            long[] staticNameIds, byte[] staticTypes, long[] staticValues, long[] fieldNameIds, byte[] fieldTypes) {
        this.address = address;
        this.superAddress = superAddress;
        this.loaderAddress = loaderAddress;
        this.signersAddress = signersAddress;
        this.protectionDomainAddress = protectionDomainAddress;
        this.declaredInstanceSize = declaredInstanceSize;
        this.recordOffset = recordOffset;
        this.recordEnd = recordEnd;
        this.heapId = heapId;
        this.staticNameIds = staticNameIds;
        this.staticTypes = staticTypes;
        this.staticValues = staticValues;
        this.fieldNameIds = fieldNameIds;
        this.fieldTypes = fieldTypes;
    }
}
