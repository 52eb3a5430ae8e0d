//! The exact plate search: which pairs of plates come closest to a target, from below and above.
//!
//! A dynamic programme over per-side totals (in multiples of the plates' greatest common divisor),
//! one stage per plate size from the lightest, keeping the fewest plates for each reachable total
//! and, among those, the most of the heaviest size (then the next, and so on). Greedy
//! heaviest-first is wrong for some inventories; this is not, and a gym's inventory is small.

/// One plate size in hundredths of the unit, and how many pairs (`None`: unlimited).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stock {
    pub size: i64,
    pub pairs: Option<u16>,
}

/// Plates on one side: their total and each plate, heaviest first (hundredths of the unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Combo {
    pub per_side: i64,
    pub plates: Vec<i64>,
}

const NONE: u32 = u32::MAX;

/// The loadings whose total (`bar + 2 · per side`) is the closest at or below `target`, and at or
/// above it. `None` below the bar, or above what the plates reach.
pub(super) fn closest(stock: &[Stock], bar: i64, target: i64) -> (Option<Combo>, Option<Combo>) {
    let stock = merged(stock);
    let g = stock.iter().map(|s| s.size).fold(0, gcd).max(1);
    // Per-side totals in units of g: total = bar + 2·g·s.
    let step = 2 * g;
    let s_max = (target >= bar).then(|| (target - bar) / step);
    let s_min = ((target - bar).max(0) + step - 1) / step;
    let biggest = stock.iter().map(|s| s.size / g).max().unwrap_or(0);
    let capacity: Option<i64> = stock
        .iter()
        .map(|s| s.pairs.map(|p| i64::from(p) * s.size / g))
        .sum();
    let limit = capacity.map_or(s_min + biggest, |c| c.min(s_min + biggest));
    let table = Table::build(&stock, g, limit.max(0) as usize);
    let below = s_max.and_then(|hi| {
        (0..=hi.min(limit))
            .rev()
            .find(|&s| table.reachable(s as usize))
    });
    let above = (s_min..=limit).find(|&s| table.reachable(s as usize));
    let combo = |s: i64| table.combo(&stock, g, s as usize);
    (below.map(combo), above.map(combo))
}

/// Sizes lightest first, each once, non-positive sizes and zero stocks dropped.
fn merged(stock: &[Stock]) -> Vec<Stock> {
    let mut out: Vec<Stock> = Vec::new();
    let mut sorted: Vec<Stock> = stock
        .iter()
        .copied()
        .filter(|s| s.size > 0 && s.pairs != Some(0))
        .collect();
    sorted.sort_by_key(|s| s.size);
    for s in sorted {
        match out.last_mut() {
            Some(last) if last.size == s.size => {
                last.pairs = match (last.pairs, s.pairs) {
                    (Some(a), Some(b)) => Some(a.saturating_add(b)),
                    _ => None,
                };
            }
            _ => out.push(s),
        }
    }
    out
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Fewest plates per reachable per-side total, and per stage how many of that size were used
/// (ties go to more of the stage's size, which is heavier than every earlier stage's).
struct Table {
    fewest: Vec<u32>,
    used: Vec<Vec<u32>>,
}

impl Table {
    fn build(stock: &[Stock], g: i64, limit: usize) -> Table {
        let n = limit + 1;
        let mut fewest = vec![NONE; n];
        fewest[0] = 0;
        let mut used = Vec::with_capacity(stock.len());
        for s in stock {
            let w = (s.size / g) as usize;
            let prev = fewest.clone();
            let mut took = vec![0u32; n];
            match s.pairs {
                None => {
                    for t in w..n {
                        let from = fewest[t - w];
                        if from != NONE && from < fewest[t] {
                            fewest[t] = from + 1;
                            took[t] = took[t - w] + 1;
                        }
                    }
                }
                Some(pairs) => {
                    for t in w..n {
                        for k in 1..=u32::from(pairs).min((t / w) as u32) {
                            let from = prev[t - k as usize * w];
                            if from != NONE && from + k <= fewest[t] {
                                fewest[t] = from + k;
                                took[t] = k;
                            }
                        }
                    }
                }
            }
            used.push(took);
        }
        Table { fewest, used }
    }

    fn reachable(&self, s: usize) -> bool {
        self.fewest.get(s).is_some_and(|&f| f != NONE)
    }

    fn combo(&self, stock: &[Stock], g: i64, s: usize) -> Combo {
        let mut counts = vec![0u32; stock.len()];
        let mut left = s;
        for (i, took) in self.used.iter().enumerate().rev() {
            counts[i] = took[left];
            left -= took[left] as usize * (stock[i].size / g) as usize;
        }
        let plates = stock
            .iter()
            .zip(&counts)
            .rev()
            .flat_map(|(st, &c)| std::iter::repeat_n(st.size, c as usize))
            .collect();
        Combo {
            per_side: s as i64 * g,
            plates,
        }
    }
}
