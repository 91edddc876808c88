package dev.heapdelta.analyzer.leaks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.HeapFormat;
import org.junit.jupiter.api.Test;

class ContainerInternalsTest {
    @Test
    void nodesBuiltinModuleRegistryIsRuntimeInternals() {
        // Seen on an express app: the first requests load built-ins between two snapshots.
        assertTrue(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8,
                "Module(realm) › BuiltinModule › map › [] › exports"));
        assertTrue(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8, "Module(loaders) › NativeModule › map"));
        // Seen on a clean-clone CI run: the shortest path to the registry started at another internal module.
        assertTrue(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8,
                "Module(inspect) › BuiltinModule › map › [] › exports"));
    }

    @Test
    void nodesListOfTheAsyncResourcesRunningNowIsRuntimeInternals() {
        // Seen on programs that take their snapshots from a timer's or a response's callback.
        assertTrue(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8,
                "Module(async_hooks) › execution_async_resources"));
        assertTrue(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8,
                "Module(async_hooks) › execution_async_resources › []"));
        assertFalse(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8,
                "Module(async_hooks.js) › execution_async_resources"));
        assertFalse(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8,
                "Module(async_hooks) › execution_async_resources_log"));
        assertFalse(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.HPROF,
                "Module(async_hooks) › execution_async_resources"));
    }

    @Test
    void aUsersModuleOfTheSameNameIsNotRuntimeInternals() {
        assertFalse(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8, "Module(realm.js) › BuiltinModule › map"));
        assertFalse(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8, "Module(express-orders.js) › orders"));
        assertFalse(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8, "Module(orders) › cache"));
        assertFalse(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.V8, "Module(src/inspect) › BuiltinModule"));
        assertFalse(ContainerInternals.isRuntimeModuleRegistry(HeapFormat.HPROF, "Module(realm) › BuiltinModule"));
    }
}
