use proptest::prelude::*;

use super::*;
use crate::core::strength::e1rm::{Formula, Reader};
use crate::core::units::Rpe;
use crate::core::workout::set::{Effort, Load, SetSpec};

fn kg(v: f64) -> Weight {
    Weight::from_kg(v).unwrap()
}

fn spec(kind: SetKind, w: f64, reps: u32, rpe: Option<f64>) -> SetSpec {
    SetSpec {
        kind,
        load: Load::External(kg(w)),
        reps: Some(Reps::try_from(reps).unwrap()),
        effort: rpe.map(|r| Effort::Rpe(Rpe::try_from(r).unwrap())),
        duration: None,
    }
}

/// A history's sets as records see them, each read by the lift's reader in order.
fn read(reader: &mut Reader, sets: &[SetSpec]) -> Vec<PastSet> {
    sets.iter()
        .map(|s| {
            let (Load::External(weight), Some(reps)) = (s.load, s.reps) else {
                unreachable!("every test set has a load and reps")
            };
            PastSet {
                kind: s.kind,
                weight,
                reps,
                e1rm: reader.read(s),
            }
        })
        .collect()
}

fn set(kind: SetKind, w: f64, reps: u32, rpe: Option<f64>) -> PastSet {
    read(&mut Reader::default(), &[spec(kind, w, reps, rpe)])[0]
}

fn work(w: f64, reps: u32) -> PastSet {
    set(SetKind::Working, w, reps, None)
}

fn kinds(prs: &[Pr]) -> Vec<PrKind> {
    prs.iter().map(|p| p.kind).collect()
}

#[test]
fn a_known_history_gives_known_records_brzycki() {
    let history = read(
        &mut Reader::default(),
        &[
            spec(SetKind::Warmup, 60.0, 5, None),
            spec(SetKind::Working, 100.0, 5, None),
            spec(SetKind::Working, 100.0, 5, None),
            spec(SetKind::Working, 110.0, 3, None),
            spec(SetKind::Working, 60.0, 15, None),
        ],
    );
    let r = records(&history);
    // Brzycki: 110 × 36 / 34 beats 100 × 36 / 32 = 112.5; 15 reps claims no e1RM.
    assert!((r.best_e1rm.unwrap().kg() - 116.470_588).abs() < 1e-5);
    assert_eq!(r.heaviest(), Some(kg(110.0)));
    let bests: Vec<f64> = r.rep_bests.iter().map(|w| w.unwrap().kg()).collect();
    assert_eq!(
        bests,
        [
            110.0, 110.0, 110.0, 100.0, 100.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0
        ]
    );
    assert_eq!(
        r.best_volume_kg, None,
        "session volume is added per session"
    );
}

#[test]
fn a_logged_rpe_uses_the_rts_chart_tuchscherer() {
    // 100 × 5 @ 8 → 100 / 0.811.
    let r = records(&[set(SetKind::Working, 100.0, 5, Some(8.0))]);
    assert!((r.best_e1rm.unwrap().kg() - 123.304_562).abs() < 1e-5);
}

#[test]
fn warm_ups_never_set_records() {
    let warmup = set(SetKind::Warmup, 200.0, 5, None);
    assert_eq!(warmup.e1rm, None, "a warm-up is not read");
    let claimed = PastSet {
        e1rm: Some(kg(230.0)),
        ..warmup
    };
    assert_eq!(records(&[claimed]), Records::default());
    assert!(new_records(&Records::default(), &claimed).is_empty());
}

#[test]
fn more_than_twelve_reps_count_for_the_brackets_only() {
    let high = work(60.0, 15);
    let r = records(&[high]);
    assert_eq!(r.best_e1rm, None);
    assert!(r.rep_bests.iter().all(|b| *b == Some(kg(60.0))));
    assert_eq!(
        kinds(&new_records(&Records::default(), &high)),
        [PrKind::Heaviest, PrKind::Reps(12)]
    );
}

#[test]
fn a_heavier_triple_is_a_rep_pr_but_not_an_e1rm_pr() {
    let before = records(&[work(100.0, 5)]);
    // 102.5 × 3 → Brzycki 108.53 < 112.5.
    let prs = new_records(&before, &work(102.5, 3));
    assert_eq!(kinds(&prs), [PrKind::Heaviest, PrKind::Reps(3)]);
    assert_eq!(prs[1].previous, Some(PrValue::Load(kg(100.0))));
    // Matching a record is not beating it.
    assert!(new_records(&before, &work(100.0, 5)).is_empty());
    // A single at the old heaviest weight is no record either.
    assert!(new_records(&before, &work(100.0, 1)).is_empty());
}

#[test]
fn records_read_as_sentences() {
    let before = records(&[work(140.0, 1)]);
    let prs = new_records(&before, &work(142.5, 1));
    let said: Vec<String> = prs.iter().map(|p| p.sentence(Unit::Kg)).collect();
    assert_eq!(
        said,
        [
            "New e1RM PR: 142.5 kg (was 140)",
            "New heaviest lift: 142.5 kg (was 140)"
        ]
    );
    let five = |lb: f64| set(SetKind::Working, lb * Unit::Lb.kg_factor(), 5, None);
    let before = records(&[five(225.0), work(150.0, 1)]);
    let prs = new_records(&before, &five(230.0));
    assert_eq!(prs.len(), 1);
    assert_eq!(prs[0].sentence(Unit::Lb), "New 5-rep PR: 230 lb (was 225)");
    let mut held = Records::default();
    held.add_session_volume(3900.0);
    let volume = new_volume_record(&held, 4200.0).unwrap();
    assert_eq!(
        volume.sentence(Unit::Kg),
        "New session volume PR: 4200 kg (was 3900)"
    );
    assert_eq!(new_volume_record(&held, 3900.0), None);
    // An e1RM is an estimate, said to 0.1; a volume whole; a weight lifted as lifted.
    assert_eq!(
        PrKind::E1rm.show(PrValue::Load(kg(131.18)), Unit::Kg),
        "131.2"
    );
    assert_eq!(
        PrKind::Heaviest.show(PrValue::Load(kg(101.25)), Unit::Kg),
        "101.25"
    );
    assert_eq!(
        PrKind::SessionVolume.show(PrValue::VolumeKg(3524.4), Unit::Kg),
        "3524"
    );
    let first = new_records(&Records::default(), &work(100.0, 1));
    assert_eq!(
        first[0].sentence(Unit::Kg),
        "New e1RM PR: 100 kg (first recorded)"
    );
}

/// Sessions (0–4) of sets, read in order by one reader.
fn history() -> impl Strategy<Value = Vec<(i64, PastSet)>> {
    let one = (
        0i64..5,
        prop::bool::weighted(0.2),
        8u32..80,
        1u32..20,
        prop::option::of(13u8..=20),
    )
        .prop_map(|(session, warm, w, reps, rpe)| {
            let kind = if warm {
                SetKind::Warmup
            } else {
                SetKind::Working
            };
            let rpe = rpe.map(|h| f64::from(h) / 2.0);
            (session, spec(kind, f64::from(w) * 2.5, reps, rpe))
        });
    prop::collection::vec(one, 0..40).prop_map(|sets| {
        let specs: Vec<SetSpec> = sets.iter().map(|(_, s)| *s).collect();
        let past = read(&mut Reader::default(), &specs);
        sets.iter().map(|(session, _)| *session).zip(past).collect()
    })
}

fn sets_of(history: &[(i64, PastSet)]) -> Vec<PastSet> {
    history.iter().map(|(_, s)| *s).collect()
}

fn never_lower(old: Option<Weight>, new: Option<Weight>) -> bool {
    match (old, new) {
        (Some(o), Some(n)) => n.kg() >= o.kg(),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

proptest! {
    #[test]
    fn incremental_detection_equals_recomputing_from_scratch(history in history()) {
        let mut running = Records::default();
        for (_, s) in &history {
            let before = running.clone();
            let prs = new_records(&before, s);
            running.add_set(s);
            prop_assert_eq!(prs.is_empty(), running == before, "{:?}", s);
            prop_assert!(never_lower(before.best_e1rm, running.best_e1rm));
            for (o, n) in before.rep_bests.iter().zip(&running.rep_bests) {
                prop_assert!(never_lower(*o, *n));
            }
        }
        prop_assert_eq!(&running, &records(&sets_of(&history)));
        let mut sessions: Vec<i64> = history.iter().map(|(s, _)| *s).collect();
        sessions.sort_unstable();
        sessions.dedup();
        for id in sessions {
            let volume: f64 = history
                .iter()
                .filter(|(s, set)| *s == id && set.counts())
                .map(|(_, set)| set.weight.kg() * f64::from(set.reps.get()))
                .sum();
            let pr = new_volume_record(&running, volume);
            let before = running.best_volume_kg;
            running.add_session_volume(volume);
            prop_assert_eq!(pr.is_some(), running.best_volume_kg != before);
        }
    }

    #[test]
    fn the_order_sets_are_folded_in_does_not_change_the_records(history in history()) {
        // Each set keeps the e1RM it was read with; folding them backwards gives the same bests.
        let forward = records(&sets_of(&history));
        let mut reversed = sets_of(&history);
        reversed.reverse();
        prop_assert_eq!(forward, records(&reversed));
    }

    #[test]
    fn rep_bests_fall_as_the_bracket_rises(history in history()) {
        let r = records(&sets_of(&history));
        for pair in r.rep_bests.windows(2) {
            prop_assert!(never_lower(pair[1], pair[0]));
        }
    }
}

#[test]
fn a_pinned_formula_changes_the_e1rm_record_only() {
    // 100 × 5: Brzycki (default) 112.5, Epley 116.667 (science.md formulas).
    let five = [spec(SetKind::Working, 100.0, 5, None)];
    let default = records(&read(&mut Reader::default(), &five));
    let mut by_epley = Reader::new(Some(Formula::Epley));
    let epley = records(&read(&mut by_epley, &five));
    assert!((default.best_e1rm.unwrap().kg() - 112.5).abs() < 1e-9);
    assert!((epley.best_e1rm.unwrap().kg() - 116.666_667).abs() < 1e-5);
    assert_eq!(default.rep_bests, epley.rep_bests);
    let prs = new_records(&default, &read(&mut by_epley, &five)[0]);
    assert_eq!(
        kinds(&prs),
        [PrKind::E1rm],
        "only the e1RM moves with the formula"
    );
}

#[test]
fn entries_list_every_held_record_once() {
    let mut r = records(&[work(100.0, 3)]);
    r.add_session_volume(300.0);
    let entries = r.entries();
    let kinds: Vec<PrKind> = entries.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [
            PrKind::E1rm,
            PrKind::Heaviest,
            PrKind::Reps(2),
            PrKind::Reps(3),
            PrKind::SessionVolume
        ]
    );
    assert_eq!(entries[3].1, PrValue::Load(kg(100.0)));
    assert_eq!(entries[4].1, PrValue::VolumeKg(300.0));
    assert!(Records::default().entries().is_empty());
}
