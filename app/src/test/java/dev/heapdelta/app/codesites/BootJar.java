package dev.heapdelta.app.codesites;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a Spring Boot layout jar: classes under BOOT-INF/classes, library jars stored under BOOT-INF/lib. */
final class BootJar {
    private BootJar() {
    }

    static Path write(Path jar, Path classes, Path... libraries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\nStart-Class: shop.Main\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            List<Path> classFiles;
            try (Stream<Path> walk = Files.walk(classes)) {
                classFiles = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path classFile : classFiles) {
                String name = classes.relativize(classFile).toString().replace(java.io.File.separatorChar, '/');
                zip.putNextEntry(new ZipEntry("BOOT-INF/classes/" + name));
                zip.write(Files.readAllBytes(classFile));
                zip.closeEntry();
            }
            for (Path library : libraries) {
                byte[] bytes = Files.readAllBytes(library);
                ZipEntry entry = new ZipEntry("BOOT-INF/lib/" + library.getFileName());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
