package io.github.wxcsdk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The façade's public API never exposes internal or generated types: they may change with any spec or generator
 * change, and users must not compile against them (the kubernetes-client lesson).
 */
class PublicApiTest {
    private static final String INTERNAL = "io.github.wxcsdk.internal";

    @Test
    void noPublicSignatureMentionsAnInternalType() throws Exception {
        List<Class<?>> api = publicApiClasses();
        assertTrue(api.size() >= 15, "found the public classes: " + api);
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : api) {
            check(type.getGenericSuperclass() == null ? "" : type.getGenericSuperclass().getTypeName(),
                    type + " extends", leaks);
            for (var implemented : type.getGenericInterfaces()) {
                check(implemented.getTypeName(), type + " implements", leaks);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers()) && !method.isSynthetic()) {
                    check(method.toGenericString(), type.getSimpleName() + "." + method.getName(), leaks);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                checkExecutable(constructor, type, leaks);
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(field.toGenericString(), type.getSimpleName() + "." + field.getName(), leaks);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    /**
     * The module exports exactly the packages of the public API and never an internal one; whatever internal packages
     * are added need no entry anywhere, because they are not exported.
     */
    @Test
    void theModuleExportsExactlyThePublicPackages() throws Exception {
        Path classes = Path.of(WebexSimpleApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("io.github.wxcsdk.conference", descriptor.name());
        Set<String> exported = new TreeSet<>();
        descriptor.exports().forEach(export -> {
            assertFalse(export.isQualified(), export::toString);
            exported.add(export.source());
        });
        Set<String> publicPackages = new TreeSet<>();
        publicApiClasses().forEach(type -> publicPackages.add(type.getPackageName()));
        assertEquals(publicPackages, exported);
        assertTrue(descriptor.opens().isEmpty(), "nothing of the facade is read reflectively: " + descriptor.opens());
    }

    private static void checkExecutable(Executable executable, Class<?> owner, List<String> leaks) {
        if (visible(executable.getModifiers())) {
            check(executable.toGenericString(), owner.getSimpleName() + " constructor", leaks);
        }
    }

    private static void check(String signature, String where, List<String> leaks) {
        if (signature.contains(INTERNAL) || signature.contains("feign.") || signature.contains("com.fasterxml")) {
            leaks.add(where + ": " + signature);
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Every public class of the façade's main output outside the internal packages. */
    private static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(WebexSimpleApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith(INTERNAL) && !name.endsWith("package-info") && !name.equals("module-info")) {
                    Class<?> type = Class.forName(name);
                    if (Modifier.isPublic(type.getModifiers())) {
                        result.add(type);
                    }
                }
            }
        }
        return result;
    }
}
