package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModuleNamesTest {
    @Test
    void aPackagesIndexFileIsNamedByItsPackage() {
        assertEquals("lru-memoizer", ModuleNames.of("/srv/app/node_modules/lru-memoizer/lib/index.js"));
        assertEquals("express-session", ModuleNames.of("/srv/app/node_modules/express-session/index.js"));
        assertEquals("@scope/cache", ModuleNames.of("file:///srv/node_modules/@scope/cache/dist/index.mjs"));
    }

    @Test
    void otherScriptsKeepTheirFileName() {
        assertEquals("memory.js", ModuleNames.of("/srv/app/node_modules/express-session/session/memory.js"));
        assertEquals("index.js", ModuleNames.of("/srv/app/index.js"));
        assertEquals("map-cache.js", ModuleNames.of("/work/patterns/map-cache.js"));
        assertEquals("timers", ModuleNames.of("node:internal/timers"));
    }
}
