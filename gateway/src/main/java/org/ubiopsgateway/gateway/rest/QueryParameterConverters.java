package org.ubiopsgateway.gateway.rest;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the contract's enumerations from their lowercase values ({@code ?status=completed}) and booleans strictly
 * ({@code true}/{@code false}, where JAX-RS would read any other text as false); an empty value means absent.
 * {@link QueryParameterCheck} has already refused, by name, a query value that does not fit; what still fails
 * here is a 400 from JAX-RS without the parameter's name, which converters are not told.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (QueryValues.isContractEnum(rawType)) {
            return (ParamConverter<T>) enumConverter((Class) rawType);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Converter<>(QueryValues::strictBoolean);
        }
        return null;
    }

    private static <E extends Enum<E>> ParamConverter<E> enumConverter(Class<E> type) {
        return new Converter<>(value -> QueryValues.enumValue(type, value));
    }

    private record Converter<T>(Function<String, Optional<T>> read) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            return read.apply(value).orElseThrow(() -> new IllegalArgumentException("Unexpected value '" + value + "'"));
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
