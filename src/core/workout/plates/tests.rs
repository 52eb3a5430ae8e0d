use proptest::prelude::*;

use super::*;
use crate::core::profile::{default_bar, default_plates};

fn kg(v: f64) -> Weight {
    Weight::from_kg(v).unwrap()
}

fn lb(v: f64) -> Weight {
    Weight::from_unit(v, Unit::Lb).unwrap()
}

fn standard(unit: Unit) -> Plates {
    Plates::unlimited(unit, default_bar(unit), &default_plates(unit))
}

fn shown(load: &PlateLoad, unit: Unit) -> (String, Vec<String>) {
    (
        load.achieved.display(unit),
        load.per_side.iter().map(|p| p.display(unit)).collect(),
    )
}

fn exact(plates: &Plates, target: Weight) -> (String, Vec<String>) {
    let l = plates.round_to_loadable(target, Rounding::Nearest).unwrap();
    assert_eq!(Some(&l), plates.loadable(target).below.as_ref());
    assert_eq!(Some(&l), plates.loadable(target).above.as_ref());
    shown(&l, plates.unit)
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_string()).collect()
}

#[test]
fn standard_kilogram_loads_use_the_fewest_and_heaviest_plates() {
    let p = standard(Unit::Kg);
    assert_eq!(exact(&p, kg(100.0)), ("100".into(), strs(&["25", "15"])));
    assert_eq!(
        exact(&p, kg(142.5)),
        ("142.5".into(), strs(&["25", "25", "10", "1.25"]))
    );
    assert_eq!(exact(&p, kg(20.0)), ("20".into(), vec![]));
    assert_eq!(exact(&p, kg(22.5)), ("22.5".into(), strs(&["1.25"])));
}

#[test]
fn pounds_are_summed_in_pounds() {
    let p = standard(Unit::Lb);
    assert_eq!(exact(&p, lb(225.0)), ("225".into(), strs(&["45", "45"])));
    assert_eq!(
        exact(&p, lb(315.0)),
        ("315".into(), strs(&["45", "45", "45"]))
    );
    assert_eq!(exact(&p, lb(185.0)), ("185".into(), strs(&["45", "25"])));
    assert_eq!(exact(&p, lb(50.0)), ("50".into(), strs(&["2.5"])));
    // 226 lb is between 225 and 230.
    let l = p.loadable(lb(226.0));
    assert_eq!(l.below.unwrap().achieved.display(Unit::Lb), "225");
    assert_eq!(l.above.unwrap().achieved.display(Unit::Lb), "230");
}

#[test]
fn greedy_would_miss_these_loads() {
    // Heaviest-first takes a 15 and is left with 5 kg a side it cannot make.
    let p = Plates::unlimited(Unit::Kg, kg(20.0), &[kg(15.0), kg(10.0)]);
    assert_eq!(exact(&p, kg(60.0)), ("60".into(), strs(&["10", "10"])));
    // One pair of 20s and two of 15s: 30 a side is 15 + 15, not 20 + nothing.
    let home = Plates {
        unit: Unit::Kg,
        bar: kg(20.0),
        plates: vec![
            PlateStock {
                size: kg(20.0),
                pairs: Some(1),
            },
            PlateStock {
                size: kg(15.0),
                pairs: Some(2),
            },
        ],
    };
    assert_eq!(exact(&home, kg(80.0)), ("80".into(), strs(&["15", "15"])));
}

#[test]
fn limited_pairs_cap_the_heaviest_load() {
    let home = Plates {
        unit: Unit::Kg,
        bar: kg(20.0),
        plates: vec![
            PlateStock {
                size: kg(20.0),
                pairs: Some(2),
            },
            PlateStock {
                size: kg(1.25),
                pairs: Some(1),
            },
        ],
    };
    let l = home.loadable(kg(110.0));
    assert_eq!(l.below.unwrap().achieved.display(Unit::Kg), "102.5");
    assert_eq!(l.above, None);
    assert_eq!(home.round_to_loadable(kg(110.0), Rounding::Up), None);
    // 61 kg: 60 below, 62.5 above.
    let l = home.loadable(kg(61.0));
    assert_eq!(l.below.unwrap().achieved.display(Unit::Kg), "60");
    assert_eq!(l.above.unwrap().achieved.display(Unit::Kg), "62.5");
}

#[test]
fn below_the_bar_only_the_bar_is_above() {
    let p = standard(Unit::Kg);
    let l = p.loadable(kg(15.0));
    assert_eq!(l.below, None);
    assert_eq!(l.above.unwrap().achieved.display(Unit::Kg), "20");
    assert_eq!(p.round_to_loadable(kg(15.0), Rounding::Down), None);
    assert_eq!(
        p.round_to_loadable(kg(15.0), Rounding::Nearest)
            .unwrap()
            .achieved
            .display(Unit::Kg),
        "20"
    );
}

#[test]
fn rounding_directions_and_ties_go_lighter() {
    let p = standard(Unit::Kg);
    let r = |t: f64, how| {
        p.round_to_loadable(kg(t), how)
            .unwrap()
            .achieved
            .display(Unit::Kg)
    };
    assert_eq!(r(101.0, Rounding::Nearest), "100");
    assert_eq!(r(102.0, Rounding::Nearest), "102.5");
    assert_eq!(r(101.25, Rounding::Nearest), "100");
    assert_eq!(r(100.1, Rounding::Up), "102.5");
    assert_eq!(r(102.4, Rounding::Down), "100");
}

#[test]
fn dumbbells_step_by_two_kilograms_or_five_pounds() {
    let kgs = Steps::from_lightest(Unit::Kg, dumbbell_step(Unit::Kg));
    let r = |s: &Steps, t: Weight, how| s.round(t, how).map(|w| w.display(s.unit));
    assert_eq!(r(&kgs, kg(13.0), Rounding::Nearest).as_deref(), Some("12"));
    assert_eq!(r(&kgs, kg(13.1), Rounding::Nearest).as_deref(), Some("14"));
    assert_eq!(r(&kgs, kg(13.0), Rounding::Up).as_deref(), Some("14"));
    assert_eq!(r(&kgs, kg(1.0), Rounding::Down), None);
    assert_eq!(r(&kgs, kg(1.0), Rounding::Nearest).as_deref(), Some("2"));
    let lbs = Steps::from_lightest(Unit::Lb, dumbbell_step(Unit::Lb));
    assert_eq!(r(&lbs, lb(37.0), Rounding::Nearest).as_deref(), Some("35"));
    assert_eq!(r(&lbs, lb(38.0), Rounding::Nearest).as_deref(), Some("40"));
    assert_eq!(lbs.nearest(lb(52.5)), (Some(lb(50.0)), Some(lb(55.0))));
}

#[test]
fn the_loader_finds_the_smallest_jump_up() {
    let bar = Loader::Barbell(standard(Unit::Kg));
    assert_eq!(
        bar.next_above(kg(100.0)).unwrap().display(Unit::Kg),
        "102.5"
    );
    assert!(bar.is_loadable(kg(102.5)));
    assert!(!bar.is_loadable(kg(101.0)));
    let bells = Loader::Steps(Steps::from_lightest(Unit::Lb, dumbbell_step(Unit::Lb)));
    assert_eq!(bells.next_above(lb(50.0)).unwrap().display(Unit::Lb), "55");
}

/// Every per-side total the stock can make, by enumerating pair counts, with the fewest plates.
fn brute_force(stock: &[(i64, u16)]) -> std::collections::BTreeMap<i64, usize> {
    let mut totals = std::collections::BTreeMap::new();
    let mut counts = vec![0u16; stock.len()];
    loop {
        let side: i64 = stock
            .iter()
            .zip(&counts)
            .map(|((s, _), &c)| s * i64::from(c))
            .sum();
        let n: usize = counts.iter().map(|&c| usize::from(c)).sum();
        let e = totals.entry(side).or_insert(n);
        *e = (*e).min(n);
        let mut i = 0;
        loop {
            if i == stock.len() {
                return totals;
            }
            if counts[i] < stock[i].1 {
                counts[i] += 1;
                break;
            }
            counts[i] = 0;
            i += 1;
        }
    }
}

fn kg_sizes() -> impl Strategy<Value = Vec<(i64, u16)>> {
    let size = prop::sample::select(vec![125i64, 250, 500, 1000, 1500, 2000, 2500]);
    prop::collection::vec((size, 0u16..4), 0..4)
}

fn stock_plates(bar_cents: i64, stock: &[(i64, u16)]) -> Plates {
    Plates {
        unit: Unit::Kg,
        bar: kg(bar_cents as f64 / 100.0),
        plates: stock
            .iter()
            .map(|&(s, n)| PlateStock {
                size: kg(s as f64 / 100.0),
                pairs: Some(n),
            })
            .collect(),
    }
}

fn cents(w: Weight) -> i64 {
    (w.kg() * 100.0).round() as i64
}

proptest! {
    #[test]
    fn plates_on_both_sides_plus_the_bar_make_the_total(
        stock in kg_sizes(), bar in prop::sample::select(vec![0i64, 1000, 1500, 2000]), t in 0i64..30_000,
    ) {
        let p = stock_plates(bar, &stock);
        let l = p.loadable(kg(t as f64 / 100.0));
        for load in [l.below, l.above].into_iter().flatten() {
            let side: i64 = load.per_side.iter().map(|w| cents(*w)).sum();
            prop_assert_eq!(cents(load.achieved), bar + 2 * side);
            prop_assert!(load.per_side.windows(2).all(|w| w[0].kg() >= w[1].kg()));
        }
    }

    #[test]
    fn the_closest_loads_match_brute_force(
        stock in kg_sizes(), bar in prop::sample::select(vec![0i64, 1000, 2000]), t in 0i64..30_000,
    ) {
        let p = stock_plates(bar, &stock);
        let totals = brute_force(&stock);
        let below = totals.iter().filter(|(s, _)| bar + 2 * **s <= t).max_by_key(|(s, _)| **s);
        let above = totals.iter().filter(|(s, _)| bar + 2 * **s >= t).min_by_key(|(s, _)| **s);
        let l = p.loadable(kg(t as f64 / 100.0));
        prop_assert_eq!(l.below.as_ref().map(|x| cents(x.achieved)), below.map(|(s, _)| bar + 2 * s));
        prop_assert_eq!(l.above.as_ref().map(|x| cents(x.achieved)), above.map(|(s, _)| bar + 2 * s));
        // And with no more plates than needed.
        prop_assert_eq!(l.below.map(|x| x.per_side.len()), below.map(|(_, n)| *n));
        prop_assert_eq!(l.above.map(|x| x.per_side.len()), above.map(|(_, n)| *n));
    }

    #[test]
    fn unlimited_pairs_match_a_generous_brute_force(
        sizes in prop::collection::vec(prop::sample::select(vec![250i64, 500, 1000, 1500, 2000, 2500]), 1..4),
        t in 2000i64..20_000,
    ) {
        let weights: Vec<Weight> = sizes.iter().map(|&s| kg(s as f64 / 100.0)).collect();
        let p = Plates::unlimited(Unit::Kg, kg(20.0), &weights);
        // Enough pairs of each to pass any target here.
        let generous: Vec<(i64, u16)> = sizes.iter().map(|&s| (s, (10_000 / s + 1) as u16)).collect();
        let totals = brute_force(&generous);
        let below = totals.keys().filter(|s| 2000 + 2 * **s <= t).max();
        let above = totals.keys().filter(|s| 2000 + 2 * **s >= t).min();
        let l = p.loadable(kg(t as f64 / 100.0));
        prop_assert_eq!(l.below.map(|x| cents(x.achieved)), below.map(|s| 2000 + 2 * s));
        prop_assert_eq!(l.above.map(|x| cents(x.achieved)), above.map(|s| 2000 + 2 * s));
    }

    #[test]
    fn a_suggested_load_is_loadable(
        t in 0.0..400.0f64,
        unit in prop::sample::select(vec![Unit::Kg, Unit::Lb]),
        how in prop::sample::select(vec![Rounding::Nearest, Rounding::Down, Rounding::Up]),
        dumbbell in any::<bool>(),
    ) {
        let loader = if dumbbell {
            Loader::Steps(Steps::from_lightest(unit, dumbbell_step(unit)))
        } else {
            Loader::Barbell(standard(unit))
        };
        let target = kg(t);
        if let Some(w) = loader.round(target, how) {
            prop_assert!(loader.is_loadable(w));
            prop_assert_eq!(loader.round(w, Rounding::Nearest), Some(w));
            match how {
                Rounding::Down => prop_assert!(!loader.heavier(w, target)),
                Rounding::Up => prop_assert!(!loader.heavier(target, w)),
                Rounding::Nearest => {}
            }
        }
    }
}

#[test]
fn kilogram_plates_in_a_pound_profile_make_exact_kilogram_loads() {
    // A lifter who shows pounds but owns kilogram plates: every load is a whole kilogram sum,
    // never a sum of plates each rounded to 0.01 lb (which made 220.45 lb = 99.99 kg).
    let p = Plates::unlimited(Unit::Lb, default_bar(Unit::Kg), &default_plates(Unit::Kg));
    let hundred = p.round_to_loadable(lb(220.46), Rounding::Nearest).unwrap();
    assert!((hundred.achieved.kg() - 100.0).abs() < 1e-9, "{hundred:?}");
    assert_eq!(hundred.achieved.display(Unit::Lb), "220.46");
    assert!(
        p.loadable(kg(100.0))
            .below
            .is_some_and(|l| l.achieved == kg(100.0))
    );
    // A dip belt stepping by the smallest kilogram plate, likewise.
    let belt = Steps {
        unit: Unit::Lb,
        lightest: Weight::ZERO,
        step: kg(1.25),
    };
    assert_eq!(belt.round(kg(20.0), Rounding::Nearest), Some(kg(20.0)));
    // Pound plates in a kilogram profile sum in pounds: 225 lb, not 102.06 kg.
    let p = Plates::unlimited(Unit::Kg, default_bar(Unit::Lb), &default_plates(Unit::Lb));
    let l = p.round_to_loadable(lb(225.0), Rounding::Nearest).unwrap();
    assert!((l.achieved.kg() - lb(225.0).kg()).abs() < 1e-9, "{l:?}");
}
