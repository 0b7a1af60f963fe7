/**
 * Charts the benchmarks draw of their own results, written as plain SVG text without any drawing library: line charts
 * over time with event markers ({@link dev.alternator.benchmarks.chart.LineChart}) and bar charts
 * ({@link dev.alternator.benchmarks.chart.BarChart}).
 */
package dev.alternator.benchmarks.chart;
