//! Whether a load can be real, and whether it is so far beyond the lifter's own history that it is
//! more likely a typo. Every set passes this before it is saved, so `1000x5` on a pull-up or
//! `bw-999x8` never becomes a record.
//!
//! Two answers besides "fine": *impossible* (refused, with the reason) and *unusual* (asked once:
//! the lifter presses Enter again to log it anyway).

use crate::core::units::{KG_PER_LB, Unit, Weight, format_number};
use crate::core::workout::exercise::Equipment;
use crate::core::workout::set::Load;

/// The heaviest single lift in powerlifting history: Jimmy Kolb's 1,401 lb (635.5 kg) equipped
/// bench press at the IPA Tri-Star Bash, 29 July 2023 (the squat record is Nathan Baptist's 595 kg,
/// the deadlift's 501 kg by Hafþór Björnsson, 2020). A free weight heavier than this has never
/// been lifted by anyone; machines (a leg-press sled) can carry more.
pub const HEAVIEST_LIFT_KG: f64 = 1_401.0 * KG_PER_LB;

/// A load more than this many times the lift's heaviest so far is asked about once.
pub const ASK_ABOVE_BEST: f64 = 1.5;

/// With no history of the lift, a load moved of more than this many times the lifter's body weight
/// is asked about once: beyond elite for every lift but the deadlift, and a typo far more often.
pub const ASK_ABOVE_BODY: f64 = 3.0;

/// Whether `equipment` is lifted freely, so the all-time record bounds it.
fn record_bounded(equipment: Equipment) -> bool {
    !matches!(equipment, Equipment::Machine | Equipment::Other)
}

/// Why `load` cannot be real, or `None` when it can: assistance above the body weight (nothing
/// would be left to lift), or a free weight above the heaviest lift ever made.
pub fn impossible(
    load: Load,
    equipment: Equipment,
    body: Option<Weight>,
    unit: Unit,
) -> Option<String> {
    let shown = |w: f64| format!("{} {unit}", format_number(w / unit.kg_factor()));
    match load {
        Load::Bodyweight {
            added,
            assisted: true,
        } => body.filter(|b| added.kg() >= b.kg()).map(|b| {
            format!(
                "assisted by {}, at least your body weight ({}): nothing left to lift",
                shown(added.kg()),
                shown(b.kg())
            )
        }),
        Load::External(w) | Load::Bodyweight { added: w, .. } if record_bounded(equipment) => {
            beyond_record(w.kg(), unit)
        }
        _ => None,
    }
}

/// Why a free weight of `kg` cannot be real — heavier than the heaviest lift ever made — or
/// `None`. It takes a bare number, so a typed value past any [`Weight`] (1,500 kg) gets the same
/// answer as one within.
pub fn beyond_record(kg: f64, unit: Unit) -> Option<String> {
    let shown = |w: f64| format!("{} {unit}", format_number(w / unit.kg_factor()));
    (kg > HEAVIEST_LIFT_KG).then(|| {
        format!(
            "{} is more than anyone has ever lifted (record: {}, a 2023 bench)",
            shown(kg),
            shown(HEAVIEST_LIFT_KG)
        )
    })
}

/// A question to ask once when `load` is far beyond the lift's history, or `None`.
///
/// `best` is the heaviest load moved on this lift before (body weight counted for bodyweight
/// lifts); without one, the lifter's body weight sets the scale.
pub fn unusual(
    load: Load,
    body: Option<Weight>,
    best: Option<Weight>,
    unit: Unit,
) -> Option<String> {
    let moved = load.moved_kg(body);
    if moved <= 0.0 {
        return None;
    }
    let shown = |w: f64| format!("{} {unit}", format_number(w / unit.kg_factor()));
    match (best.filter(|b| b.kg() > 0.0), body) {
        (Some(best), _) if moved > best.kg() * ASK_ABOVE_BEST => Some(format!(
            "{} is {}× your best on this lift ({})",
            shown(moved),
            format_number((moved / best.kg() * 10.0).round() / 10.0),
            shown(best.kg())
        )),
        (None, Some(body)) if moved > body.kg() * ASK_ABOVE_BODY => Some(format!(
            "{} is {}× your body weight, a first on this lift",
            shown(moved),
            format_number((moved / body.kg() * 10.0).round() / 10.0)
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(v: f64) -> Weight {
        Weight::from_kg(v).unwrap()
    }

    #[test]
    fn assistance_at_or_above_body_weight_is_impossible() {
        let assisted = |a| Load::Bodyweight {
            added: kg(a),
            assisted: true,
        };
        let body = Some(kg(80.0));
        assert_eq!(
            impossible(assisted(999.0), Equipment::Bodyweight, body, Unit::Kg).as_deref(),
            Some("assisted by 999 kg, at least your body weight (80 kg): nothing left to lift")
        );
        assert!(impossible(assisted(80.0), Equipment::Bodyweight, body, Unit::Kg).is_some());
        assert_eq!(
            impossible(assisted(30.0), Equipment::Bodyweight, body, Unit::Kg),
            None
        );
    }

    #[test]
    fn free_weights_above_the_all_time_record_are_impossible_machines_are_not() {
        let load = Load::External(kg(1000.0));
        let why = impossible(load, Equipment::Bodyweight, None, Unit::Kg).unwrap();
        assert_eq!(
            why,
            "1000 kg is more than anyone has ever lifted (record: 635.48 kg, a 2023 bench)"
        );
        assert!(impossible(load, Equipment::Barbell, None, Unit::Kg).is_some());
        assert_eq!(impossible(load, Equipment::Machine, None, Unit::Kg), None);
        // The record itself (Kolb's 1,401 lb) can be typed.
        let record = Load::External(Weight::from_unit(1401.0, Unit::Lb).unwrap());
        assert_eq!(impossible(record, Equipment::Barbell, None, Unit::Kg), None);
        let lb = impossible(
            Load::External(kg(700.0)),
            Equipment::Barbell,
            None,
            Unit::Lb,
        )
        .unwrap();
        assert!(
            lb.contains("1543.24 lb") && lb.contains("record: 1401 lb"),
            "{lb}"
        );
    }

    #[test]
    fn far_beyond_the_best_is_asked_about_with_the_ratio() {
        let load = Load::External(kg(240.0));
        assert_eq!(
            unusual(load, Some(kg(80.0)), Some(kg(100.0)), Unit::Kg).as_deref(),
            Some("240 kg is 2.4× your best on this lift (100 kg)")
        );
        // 1.5× is still a plausible jump (a comeback, a new PR after a long block).
        let ok = Load::External(kg(150.0));
        assert_eq!(unusual(ok, Some(kg(80.0)), Some(kg(100.0)), Unit::Kg), None);
    }

    #[test]
    fn without_history_body_weight_sets_the_scale() {
        let body = Some(kg(80.0));
        let heavy = Load::External(kg(250.0));
        assert_eq!(
            unusual(heavy, body, None, Unit::Kg).as_deref(),
            Some("250 kg is 3.1× your body weight, a first on this lift")
        );
        assert_eq!(
            unusual(Load::External(kg(200.0)), body, None, Unit::Kg),
            None
        );
        // Bodyweight lifts count the body: 80 + 100 = 180 kg moved is 2.25×, fine.
        let weighted_dip = Load::Bodyweight {
            added: kg(100.0),
            assisted: false,
        };
        assert_eq!(unusual(weighted_dip, body, None, Unit::Kg), None);
        // No profile, no history: nothing to compare with.
        assert_eq!(unusual(heavy, None, None, Unit::Kg), None);
    }
}
