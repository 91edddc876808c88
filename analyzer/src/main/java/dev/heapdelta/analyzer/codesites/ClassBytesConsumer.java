package dev.heapdelta.analyzer.codesites;

import java.io.IOException;

/** Receives each class file of an {@link ApplicationClassPath}. */
@FunctionalInterface
interface ClassBytesConsumer {
    /**
     * @param application false for classes of a fat jar's nested library jars (BOOT-INF/lib, WEB-INF/lib),
     *     which are scanned too, but whose own fields come after the application's as holders
     */
    void accept(byte[] classFile, boolean application) throws IOException;
}
