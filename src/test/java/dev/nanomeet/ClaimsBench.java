package dev.nanomeet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link TokenBenchmarks} with JMH on one thread (one core) and writes each module figure beside its bare one to
 * {@code target/bench/claims-cases.json}, which {@code ModuleBench} adds to the results.
 */
class ClaimsBench {

    static final Path RESULT = Path.of("target/bench/claims-cases.json").toAbsolutePath();

    @Test
    void claimsSignaturesAndValidation() throws Exception {
        Options options = new OptionsBuilder()
                .include(TokenBenchmarks.class.getName() + "\\.")
                .forks(1)
                .threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build();
        Map<String, Double> perSecond = new HashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String name = result.getParams().getBenchmark();
            perSecond.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }

        JsonArrayBuilder cases = Json.createArrayBuilder()
                .add(BenchCase.of("claims-throughput", "reads/s", perSecond.get("claims"),
                        perSecond.get("rawClaims"), true))
                .add(BenchCase.of("claims-and-signature-throughput", "reads/s", perSecond.get("claimsAndSignature"),
                        perSecond.get("rawClaimsAndSignature"), true))
                .add(BenchCase.of("claims-and-signature-uncached-throughput", "reads/s",
                        perSecond.get("claimsAndSignatureEveryTime"), perSecond.get("rawClaimsAndSignature"), true))
                .add(BenchCase.of("validation-throughput", "checks/s", perSecond.get("validation"),
                        perSecond.get("rawValidation"), true));
        Files.createDirectories(RESULT.getParent());
        Files.writeString(RESULT, cases.build().toString());
    }
}
