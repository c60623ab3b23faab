package org.ubiopsgateway.gateway.config;

import org.eclipse.microprofile.config.spi.Converter;

/** A rate that must be above 0 ({@code @WithConverter(Positive.class)}); see {@link AtLeastOne} for why a converter. */
public class Positive implements Converter<Double> {

    @Override
    public Double convert(String value) {
        double rate = Double.parseDouble(value.trim());
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("must be a number above 0, not " + value.trim());
        }
        return rate;
    }
}
