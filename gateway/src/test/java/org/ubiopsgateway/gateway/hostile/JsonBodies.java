package org.ubiopsgateway.gateway.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.activity.IsoDateTime;
import org.ubiopsgateway.model.revisions.RevisionSource;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JSON bodies of the surface, read from the {@code api-model} records by reflection: a valid instance of each,
 * and every way to break one field of it that the contract forbids (a value of another JSON type, null where
 * required, out of range, not matching its pattern, too long, an unknown field next to it), each of which the
 * gateway must refuse whatever the rest of the body says. Every text, list and map has an upper bound
 * ({@link #unbounded}): each is sent one over it and {@link #LONG} long, otherwise valid.
 */
final class JsonBodies {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;
    /** The length of the longest text sent: far beyond every bound, and how long the variable name was that once reached UbiOps. */
    static final int LONG = 100_000;
    /** Characters that valid text may be grown with: one of them keeps each pattern of the contract matching. */
    private static final List<String> GROWTH = List.of("a", "A", "0", " ");

    /** Text that some pattern takes: the first one a field's constraints accept is its valid value. */
    static final List<String> VALID_TEXT = List.of("fuzz-name", "FUZZ_VAR", "6f1c0e52-1d2b-4c3a-9e8f-00000000f022",
            "2024-01-01T00:00:00Z", "0123456789abcdef01234567", "a:b", "fuzz text");
    /** Text that breaks patterns; each field gets the ones its constraints refuse. */
    static final List<String> BAD_TEXT = List.of("", " ", "UPPER", "Mixed-Case", "-lead", "9start", "a b", "a..b", "a/b",
            "a\u0000b", "line\nbreak", "tab\there", "\u00e9t\u00e9", "\u202eevil", "\ud83d\ude00", "x".repeat(65),
            "y".repeat(401), "_x_", "not-a-uuid", "2024-13-01", "yesterday", "a:", ",", "\u007f");

    /**
     * Fields a valid body leaves out, for rules across fields that reflection cannot see: a revision comes from
     * one source, so the valid body names the template only.
     */
    private static final Map<Class<?>, List<String>> LEFT_OUT = Map.of(RevisionSource.class, List.of("sourceDeployment", "sourceVersion"));

    /** One way to break a body, with the body it makes. */
    record Mutation(String kind, String where, byte[] body) {
    }

    /** A field of the body: where it is, its declared type (with its type-use constraints) and its constraints. */
    /** Annotations with the constraints a composed one (@ResourceName, say) stands for, in its place. */
    static List<Annotation> constraints(Annotation... annotations) {
        List<Annotation> all = new ArrayList<>();
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().isAnnotationPresent(jakarta.validation.Constraint.class)
                    && annotation.annotationType().getName().startsWith("org.ubiopsgateway.")) {
                all.addAll(constraints(annotation.annotationType().getAnnotations()));
            } else {
                all.add(annotation);
            }
        }
        return all;
    }

    private record Slot(List<Object> path, AnnotatedType type, List<Annotation> constraints, Map<TypeVariable<?>, Type> bindings) {

        Class<?> raw() {
            return JsonBodies.raw(resolve(type.getType(), bindings));
        }

        <A extends Annotation> Optional<A> constraint(Class<A> kind) {
            return constraints.stream().filter(kind::isInstance).map(kind::cast).findFirst();
        }

        String where() {
            StringBuilder text = new StringBuilder();
            for (Object step : path) {
                text.append(step instanceof Integer i ? "[" + i + "]" : (text.isEmpty() ? "" : ".") + step);
            }
            return text.isEmpty() ? "(body)" : text.toString();
        }
    }

    private JsonBodies() {
    }

    /** A valid instance of a body record, every optional field filled. */
    static ObjectNode valid(Class<?> record) {
        return (ObjectNode) valid(rootSlot(record), 0);
    }

    /** Every mutation of every field of a body record. */
    static List<Mutation> mutations(Class<?> record) {
        ObjectNode valid = valid(record);
        List<Mutation> mutations = new ArrayList<>();
        walk(rootSlot(record), 0, slot -> mutate(valid, slot, mutations));
        return mutations;
    }

    /** The text, list and map fields of a body record that take a value of any length or size; should be none. */
    static List<String> unbounded(Class<?> record) {
        List<String> unbounded = new ArrayList<>();
        walk(rootSlot(record), 0, slot -> {
            Class<?> raw = slot.raw();
            boolean text = raw == String.class && accepts(slot.constraints(), grown(slot.constraints(), validText(slot), LONG));
            boolean many = (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) && sizeMax(slot.constraints()).isEmpty();
            AnnotatedType key = Map.class.isAssignableFrom(raw) ? argument(slot, 0) : null;
            boolean keys = key != null && sizeMax(List.of(key.getAnnotations())).isEmpty();
            if (text || many || keys) {
                unbounded.add(record.getSimpleName() + "." + slot.where() + (keys ? " (keys)" : ""));
            }
        });
        return unbounded;
    }

    /** The {@code @Size} maximum among constraints, when they set one. */
    static Optional<Integer> sizeMax(Collection<Annotation> constraints) {
        return constraints.stream().filter(Size.class::isInstance).map(c -> ((Size) c).max())
                .filter(max -> max < Integer.MAX_VALUE).findFirst();
    }

    /**
     * {@code valid} grown to {@code length} with a character that keeps every constraint but the size satisfied (when
     * one does), so that only its length is wrong.
     */
    static String grown(Collection<Annotation> constraints, String valid, int length) {
        List<Annotation> unsized = constraints.stream().filter(c -> !(c instanceof Size)).toList();
        int missing = Math.max(0, length - valid.length());
        return GROWTH.stream().map(c -> valid + c.repeat(missing)).filter(text -> accepts(unsized, text)).findFirst()
                .orElse(valid + "a".repeat(missing));
    }

    private static Slot rootSlot(Class<?> record) {
        return new Slot(List.of(), new PlainAnnotatedType(record), List.of(), Map.of());
    }

    private static void walk(Slot slot, int depth, Consumer<Slot> visit) {
        visit.accept(slot);
        if (depth >= MAX_DEPTH) {
            return;
        }
        Class<?> raw = slot.raw();
        if (raw.isRecord()) {
            for (Slot child : components(slot)) {
                walk(child, depth + 1, visit);
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            walk(element(slot, 0, 0), depth + 1, visit);
        } else if (Map.class.isAssignableFrom(raw) && argument(slot, 1) != null && raw(resolve(argument(slot, 1).getType(), slot.bindings())) != Object.class) {
            walk(element(slot, 1, "k"), depth + 1, visit);
        }
    }

    private static JsonNode valid(Slot slot, int depth) {
        Class<?> raw = slot.raw();
        if (raw == String.class) {
            return NODES.textNode(validText(slot));
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return NODES.numberNode(slot.constraint(Min.class).map(Min::value).orElse(1L));
        }
        if (raw == Double.class || raw == double.class) {
            return NODES.numberNode(1.5);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return NODES.booleanNode(false);
        }
        if (raw.isEnum()) {
            return NODES.textNode(raw.getEnumConstants()[0].toString());
        }
        if (Collection.class.isAssignableFrom(raw)) {
            ArrayNode array = NODES.arrayNode();
            if (depth < MAX_DEPTH) {
                array.add(valid(element(slot, 0, 0), depth + 1));
            }
            return array;
        }
        if (Map.class.isAssignableFrom(raw)) {
            ObjectNode map = NODES.objectNode();
            AnnotatedType value = argument(slot, 1);
            if (depth < MAX_DEPTH && value != null && raw(resolve(value.getType(), slot.bindings())) != Object.class) {
                map.set("k", valid(element(slot, 1, "k"), depth + 1));
            }
            return map;
        }
        if (raw.isRecord()) {
            ObjectNode object = NODES.objectNode();
            for (Slot child : components(slot)) {
                String name = (String) child.path().get(child.path().size() - 1);
                if (!LEFT_OUT.getOrDefault(raw, List.of()).contains(name)) {
                    object.set(name, valid(child, depth + 1));
                }
            }
            return object;
        }
        return NODES.textNode("x"); // free-form (Object): anything goes
    }

    private static String validText(Slot slot) {
        return validText(slot.constraints()).orElseThrow(() -> new IllegalStateException("no valid text for " + slot.where()));
    }

    /** A text the constraints take, if one of {@link #VALID_TEXT} does. */
    static Optional<String> validText(Collection<Annotation> constraints) {
        return VALID_TEXT.stream().filter(text -> accepts(constraints, text)).findFirst();
    }

    /** Whether constraints (pattern, size, not blank, ISO date) take {@code text}. */
    static boolean accepts(Collection<Annotation> constraints, String text) {
        for (Annotation constraint : constraints) {
            if (constraint instanceof Pattern p && !java.util.regex.Pattern.compile(p.regexp()).matcher(text).matches()
                    || constraint instanceof Size s && (text.length() < s.min() || text.length() > s.max())
                    || constraint instanceof NotBlank && text.isBlank()
                    || constraint instanceof IsoDateTime && !IsoDateTime.Validator.accepts(text)) {
                return false;
            }
        }
        return true;
    }

    /** Whether constraints limit what text is taken. */
    static boolean constrainsText(Collection<Annotation> constraints) {
        return constraints.stream().anyMatch(c -> c instanceof Pattern || c instanceof Size || c instanceof NotBlank
                || c instanceof IsoDateTime);
    }

    private static void mutate(ObjectNode valid, Slot slot, List<Mutation> out) {
        Class<?> raw = slot.raw();
        if (slot.path().isEmpty()) {
            out.add(with(valid, slot, "unknown field", node -> ((ObjectNode) node).put("zzUnknownField", 1)));
            return;
        }
        for (JsonNode wrong : wrongTypes(raw)) {
            out.add(replaced(valid, slot, "wrong type", wrong));
        }
        if (slot.constraint(NotNull.class).isPresent() || slot.constraint(NotBlank.class).isPresent()) {
            out.add(replaced(valid, slot, "null where required", NODES.nullNode()));
        }
        slot.constraint(Min.class).ifPresent(min -> out.add(replaced(valid, slot, "below minimum", NODES.numberNode(min.value() - 1))));
        slot.constraint(Max.class).ifPresent(max -> out.add(replaced(valid, slot, "above maximum", NODES.numberNode(max.value() + 1))));
        if (slot.constraint(Positive.class).isPresent() || slot.constraint(PositiveOrZero.class).isPresent()) {
            out.add(replaced(valid, slot, "negative", NODES.numberNode(-1)));
        }
        if (raw == Integer.class || raw == int.class) {
            out.add(replaced(valid, slot, "beyond int", NODES.numberNode(2_147_483_648L)));
        }
        if (raw == Double.class || raw == double.class) {
            out.add(replaced(valid, slot, "beyond double", NODES.numberNode(new java.math.BigDecimal("1e999"))));
        }
        if (raw == String.class && constrainsText(slot.constraints())) {
            BAD_TEXT.stream().filter(text -> !accepts(slot.constraints(), text))
                    .forEach(text -> out.add(replaced(valid, slot, "refused text", NODES.textNode(text))));
        }
        if (raw.isRecord()) {
            out.add(with(valid, slot, "unknown field", node -> ((ObjectNode) node).put("zzUnknownField", 1)));
        }
        overLong(valid, slot, out);
    }

    /** Each bound broken: a text one character over it and {@link #LONG} long, a list or map one item over it, a long map key. */
    private static void overLong(ObjectNode valid, Slot slot, List<Mutation> out) {
        Class<?> raw = slot.raw();
        Optional<Integer> max = sizeMax(slot.constraints());
        if (raw == String.class) {
            String text = validText(slot);
            max.ifPresent(m -> out.add(replaced(valid, slot, "over-long", NODES.textNode(grown(slot.constraints(), text, m + 1)))));
            out.add(replaced(valid, slot, "over-long", NODES.textNode(grown(slot.constraints(), text, LONG))));
        } else if (Collection.class.isAssignableFrom(raw) && max.isPresent()) {
            ArrayNode many = NODES.arrayNode();
            JsonNode item = valid(element(slot, 0, 0), 1);
            for (int i = 0; i <= max.get(); i++) {
                many.add(item.deepCopy());
            }
            out.add(replaced(valid, slot, "too many items", many));
        } else if (Map.class.isAssignableFrom(raw)) {
            AnnotatedType valueType = argument(slot, 1);
            JsonNode value = valueType != null && raw(resolve(valueType.getType(), slot.bindings())) != Object.class
                    ? valid(element(slot, 1, "k"), 1) : NODES.textNode("x");
            max.ifPresent(m -> {
                ObjectNode many = NODES.objectNode();
                for (int i = 0; i <= m; i++) {
                    many.set("k" + i, value.deepCopy());
                }
                out.add(replaced(valid, slot, "too many entries", many));
            });
            AnnotatedType key = argument(slot, 0);
            List<Annotation> keyConstraints = key == null ? List.of() : List.of(key.getAnnotations());
            sizeMax(keyConstraints).ifPresent(m -> out.add(replaced(valid, slot, "over-long key",
                    NODES.objectNode().set(grown(keyConstraints, "k", m + 1), value.deepCopy()))));
        }
    }

    /** JSON values of a type other than the field's: the gateway never coerces them. */
    private static List<JsonNode> wrongTypes(Class<?> raw) {
        ArrayNode array = NODES.arrayNode().add("x");
        ObjectNode object = NODES.objectNode().put("a", 1);
        if (raw == String.class) {
            return List.of(NODES.numberNode(12), NODES.booleanNode(true), NODES.numberNode(1.5), object, array);
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return List.of(NODES.textNode("1"), NODES.numberNode(1.5), NODES.booleanNode(true), object, NODES.arrayNode().add(1), NODES.textNode(""));
        }
        if (raw == Double.class || raw == double.class) {
            return List.of(NODES.textNode("1.5"), NODES.booleanNode(true), object, array);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return List.of(NODES.textNode("true"), NODES.numberNode(1), NODES.textNode("yes"), object, array, NODES.textNode(""));
        }
        if (raw.isEnum()) {
            return List.of(NODES.numberNode(0), NODES.booleanNode(true), NODES.textNode("NOT-A-VALUE"), NODES.textNode(""), object, array);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return List.of(object, NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(true));
        }
        if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
            return List.of(array, NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(true));
        }
        return List.of(); // free-form
    }

    private static Mutation replaced(ObjectNode valid, Slot slot, String kind, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        JsonNode parent = at(copy, slot.path().subList(0, slot.path().size() - 1));
        Object last = slot.path().get(slot.path().size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
        return new Mutation(kind, slot.where() + " = " + abbreviate(value.toString()), bytes(copy));
    }

    private static Mutation with(ObjectNode valid, Slot slot, String kind, Consumer<JsonNode> change) {
        ObjectNode copy = valid.deepCopy();
        change.accept(at(copy, slot.path()));
        return new Mutation(kind, slot.where(), bytes(copy));
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static List<Slot> components(Slot slot) {
        Class<?> record = slot.raw();
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Type type = resolve(slot.type().getType(), slot.bindings());
        if (type instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = record.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], parameterized.getActualTypeArguments()[i]);
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            List<Object> path = new ArrayList<>(slot.path());
            path.add(component.getName());
            List<Annotation> constraints = new ArrayList<>(constraints(component.getAnnotatedType().getAnnotations()));
            try {
                constraints.addAll(constraints(record.getDeclaredField(component.getName()).getAnnotations()));
            } catch (NoSuchFieldException impossible) {
                throw new IllegalStateException(impossible);
            }
            slots.add(new Slot(List.copyOf(path), component.getAnnotatedType(), constraints, bindings));
        }
        return slots;
    }

    /** The slot of a collection's element (argument 0) or a map's value (argument 1), at {@code step}. */
    private static Slot element(Slot slot, int argument, Object step) {
        AnnotatedType type = argument(slot, argument);
        List<Object> path = new ArrayList<>(slot.path());
        path.add(step);
        return new Slot(List.copyOf(path), type, constraints(type.getAnnotations()), slot.bindings());
    }

    private static AnnotatedType argument(Slot slot, int index) {
        return slot.type() instanceof AnnotatedParameterizedType parameterized
                && parameterized.getAnnotatedActualTypeArguments().length > index
                ? parameterized.getAnnotatedActualTypeArguments()[index] : null;
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> variable && bindings.containsKey(variable) ? bindings.get(variable) : type;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    /** The root's type, which no declaration annotates. */
    private record PlainAnnotatedType(Type getType) implements AnnotatedType {

        @Override
        public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
            return null;
        }

        @Override
        public Annotation[] getAnnotations() {
            return new Annotation[0];
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            return new Annotation[0];
        }
    }
}
