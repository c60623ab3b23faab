package org.ubiopsgateway.gateway.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;

/**
 * Callers' JSON is read as written, never repaired: a value of another JSON type is refused rather than coerced
 * ({@code "value": 123} into the text "123", {@code "minimumInstances": 1.7} into 1, {@code "secret": "yes"} or
 * {@code 1} into true, {@code "inputType": 0} into the first constant), and so are a key given twice, anything
 * after the value and a number too large to be one ({@code 1e999}, which would read as infinity). Unknown fields are refused by {@code quarkus.jackson.fail-on-unknown-properties}. Each refusal
 * is a 400 naming the field. Server side only: UbiOps's answers are read by the upstream clients' own lenient
 * mapper ({@code upstream.UpstreamJson}).
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper base) {
        strict = base.copy()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        refuse(LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Integer);
        refuse(LogicalType.Enum, CoercionInputShape.EmptyString);
        strict.registerModule(new SimpleModule("finite-numbers")
                .addDeserializer(Double.class, new FiniteDouble()).addDeserializer(double.class, new FiniteDouble()));
    }

    private void refuse(LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            strict.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** {@code 1e999} reads as infinity, which no field takes and no JSON can carry on to UbiOps: out of range. */
    private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {

        FiniteDouble() {
            super(Double.class, null);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = super.deserialize(parser, context);
            if (value != null && value.isInfinite()) {
                throw context.weirdNumberException(value, Double.class, "beyond the range of a double");
            }
            return value;
        }
    }
}
