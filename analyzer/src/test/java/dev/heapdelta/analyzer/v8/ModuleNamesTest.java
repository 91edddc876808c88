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

    @Test
    void anyScriptUnderNodeModulesBelongsToItsPackageAndOthersToNone() {
        assertEquals("lru-memoizer", ModuleNames.packageOf("/srv/app/node_modules/lru-memoizer/lib/async.js"));
        assertEquals("lru-cache", ModuleNames.packageOf(
                "/srv/app/node_modules/lru-memoizer/node_modules/lru-cache/index.js"));
        assertEquals("@scope/cache", ModuleNames.packageOf("file:///srv/node_modules/@scope/cache/dist/index.mjs"));
        assertEquals(null, ModuleNames.packageOf("/srv/app/index.js"));
        assertEquals(null, ModuleNames.packageOf("node:internal/timers"));
    }
}
