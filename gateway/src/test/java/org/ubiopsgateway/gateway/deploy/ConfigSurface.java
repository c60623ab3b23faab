package org.ubiopsgateway.gateway.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration the gateway reads, derived from the code rather than listed by hand: the properties of the
 * gateway's {@code @ConfigMapping} interfaces and of every Quarkus extension's config roots
 * ({@code META-INF/quarkus-config-roots.list}), and the keys of {@code application.properties} (for libraries that
 * read MicroProfile Config directly, such as SmallRye JWT). Each property has its environment variable name.
 */
final class ConfigSurface {

    static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path CLASSES = Path.of("target/classes");
    private static final String PROD = "%prod.";

    /**
     * A property, its value in production (application.properties, else the mapping's default; null when none) and
     * whether the gateway itself (not an extension) declares it.
     */
    record Property(String name, String value, boolean gateways) {

        /** Map keys ({@code *}) match any segment. */
        boolean readFrom(String env) {
            return Pattern.compile(envName(name).replace("*", "[A-Z0-9_]+")).matcher(env).matches();
        }
    }

    private final Map<String, Property> properties = new LinkedHashMap<>();

    ConfigSurface() {
        gatewayMappings().forEach(type -> walk(type, prefix(type), true));
        quarkusRoots().forEach(type -> walk(type, prefix(type), false));
        Properties file = applicationProperties();
        Map<String, String> production = new LinkedHashMap<>();
        file.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> production.put(k, file.getProperty(k)));
        file.stringPropertyNames().stream().filter(k -> k.startsWith(PROD))
                .forEach(k -> production.put(k.substring(PROD.length()), file.getProperty(k)));
        // Keys of other profiles name settings too (the tests' issuer): read, though without a production value.
        file.stringPropertyNames().stream().map(k -> k.replaceFirst("^%[^.]+\\.", "")).sorted().forEach(name ->
                properties.merge(name, new Property(name, production.get(name), isGateways(name)),
                        (known, fromFile) -> new Property(name, production.getOrDefault(name, known.value()),
                                known.gateways() || fromFile.gateways())));
    }

    /** MicroProfile Config's environment name: upper case, every other character an underscore. */
    static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9*]", "_");
    }

    /** The property an environment variable sets; an exact name before a map's wildcard. */
    Optional<Property> readFrom(String env) {
        return properties.values().stream().filter(p -> p.readFrom(env))
                .min(java.util.Comparator.comparing(p -> p.name().contains("*")));
    }

    /** A property's value as configured for production: application.properties without profile, else its default. */
    String productionValue(String name) {
        Property property = properties.get(name);
        if (property == null || property.value() == null) {
            throw new AssertionError("the gateway configures no " + name);
        }
        return property.value();
    }

    Stream<Property> all() {
        return properties.values().stream();
    }

    /** The gateway's own settings: its mappings and its application.properties keys under its prefixes. */
    private static boolean isGateways(String name) {
        return Stream.of("gateway.", "ubiops.", "mp.jwt.", "smallrye.jwt.").anyMatch(name::startsWith);
    }

    private void walk(Class<?> type, String prefix, boolean gateways) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String segment = method.isAnnotationPresent(WithParentName.class) ? null
                    : method.isAnnotationPresent(WithName.class) ? method.getAnnotation(WithName.class).value()
                    : kebab(method.getName());
            String name = segment == null ? prefix : prefix + "." + segment;
            Type returned = method.getGenericReturnType();
            Class<?> group = group(returned);
            if (group != null) {
                walk(group, isMap(returned) ? name + ".*" : name, gateways);
                if (method.isAnnotationPresent(WithUnnamedKey.class)) {
                    walk(group, name, gateways); // the map's default entry has no key: quarkus.redis.hosts
                }
            } else {
                WithDefault def = method.getAnnotation(WithDefault.class);
                properties.putIfAbsent(name, new Property(name, def == null ? null : def.value(), gateways));
            }
        }
    }

    /** A nested group: an interface of the mapping's own, possibly inside Optional or as a Map's values. */
    private static Class<?> group(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class || raw == Map.class) {
                return group(args[args.length - 1]);
            }
            return null;
        }
        return type instanceof Class<?> c && c.isInterface() && !c.getName().startsWith("java.") ? c : null;
    }

    private static boolean isMap(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Map.class;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String prefix(Class<?> type) {
        ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
        if (mapping == null) {
            throw new AssertionError(type + " is listed as a config root but has no @ConfigMapping");
        }
        return mapping.prefix();
    }

    private static Stream<Class<?>> gatewayMappings() {
        try (Stream<Path> walk = Files.walk(CLASSES)) {
            return walk.map(p -> CLASSES.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.contains("$"))
                    .<Class<?>>map(p -> load(p.substring(0, p.length() - ".class".length()).replace('/', '.')))
                    .filter(c -> c.isAnnotationPresent(ConfigMapping.class))
                    .toList().stream(); // read now: the walk closes on return
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Class<?>> quarkusRoots() {
        try {
            return Collections.list(ConfigSurface.class.getClassLoader().getResources("META-INF/quarkus-config-roots.list"))
                    .stream().flatMap(ConfigSurface::lines)
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(String::strip).distinct().<Class<?>>map(ConfigSurface::load)
                    .filter(c -> c.isAnnotationPresent(ConfigMapping.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigSurface.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("cannot load " + name, e);
        }
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
