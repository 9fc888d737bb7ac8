package dev.nanomeet;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** One row of {@code target/bench/results.json}, as every benchmark of the build writes it. */
public final class BenchCase {

    private BenchCase() {
    }

    /**
     * The case {@code {name, unit, value, raw, ratio}}, to two decimals; the ratio is value / raw for what is better
     * higher (throughput), raw / value for what is better lower (times, memory), so that above 1 is better than raw.
     */
    public static JsonObject of(String name, String unit, double value, double raw, boolean higherIsBetter) {
        double ratio = higherIsBetter ? value / raw : raw / value;
        return Json.createObjectBuilder().add("name", name).add("unit", unit).add("value", round(value))
                .add("raw", round(raw)).add("ratio", round(ratio)).build();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
