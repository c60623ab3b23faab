package org.ubiopsgateway.gateway.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A count that must be at least 1 ({@code @WithConverter(AtLeastOne.class)}): a smaller value stops the start with
 * the property's name. A converter rather than a Bean Validation constraint on the mapping, because one constrained
 * mapping makes Quarkus build a second validator factory before anything else starts (docs/startup.md).
 */
public class AtLeastOne implements Converter<Integer> {

    @Override
    public Integer convert(String value) {
        int count = Integer.parseInt(value.trim());
        if (count < 1) {
            throw new IllegalArgumentException("must be at least 1, not " + count);
        }
        return count;
    }
}
