//! Helpers shared by the benchmarks that generate their own articles.

/// A small deterministic pseudo-random generator (64-bit LCG), so every run benchmarks the
/// same text without a dependency or a fixture file.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next pseudo-random number.
    pub fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    /// One of `items`, picked pseudo-randomly.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}
