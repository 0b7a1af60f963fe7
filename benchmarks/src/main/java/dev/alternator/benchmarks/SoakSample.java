package dev.alternator.benchmarks;

/**
 * One reading taken during a soak.
 * @param seconds since the load started
 * @param requests requests completed so far, failed ones included
 * @param failed requests failed so far
 * @param resources what the JVM held
 */
record SoakSample(double seconds, long requests, long failed, ProcessResources resources) {
}
