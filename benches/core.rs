//! Benchmarks arrive with docs/BENCHMARKS.md.

fn main() {}
