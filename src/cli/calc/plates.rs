//! `calc plates | warmup`: what to put on the bar, and the ramp up to it.

use clap::Args;
use ironpulse::core::profile::{default_bar, default_plates};
use ironpulse::core::units::{Reps, Unit, Weight};
use ironpulse::core::workout::plates::{Loader, PlateLoad, Plates, Rounding};
use ironpulse::core::workout::plausible;
use ironpulse::core::workout::set::Load;
use ironpulse::core::workout::warmup::{WarmupScheme, warmups};
use serde_json::{Value, json};

use super::super::Failure;
use super::input::{self, UnitArg};
use super::report::Report;
use super::yours::Yours;

/// The bar, plates and unit, shared by `plates` and `warmup`. Each flag wins; what a flag leaves
/// open comes from your profile ([`Yours`]), else the standard kit of the unit.
#[derive(Debug, Args)]
pub struct KitArgs {
    /// Bar weight [default: your profile's bar, else 20 kg or 45 lb]
    #[arg(long, value_name = "B")]
    bar: Option<f64>,

    /// Plate sizes you own, comma-separated; unlimited pairs of each [default: your profile's
    /// plates, else 25,20,15,10,5,2.5,1.25 kg or 45,35,25,10,5,2.5 lb]
    #[arg(long, value_name = "SIZES", value_delimiter = ',')]
    plates: Option<Vec<f64>>,

    /// Unit of every weight, in and out [default: your profile's unit, else kg]
    #[arg(long, value_enum)]
    unit: Option<UnitArg>,
}

impl KitArgs {
    /// The bar and plates, validated: the flags, else the profile's (when it is in the unit
    /// used: a profile's kilogram plates are not a gym's pound plates), else the standard kit.
    fn plates(&self, yours: &Yours<'_>) -> Result<Plates, Failure> {
        let all_given = self.bar.is_some() && self.plates.is_some() && self.unit.is_some();
        let profile = if all_given { None } else { yours.profile()? };
        let unit = self
            .unit
            .map(Unit::from)
            .or(profile.map(|p| p.unit))
            .unwrap_or_default();
        let own = profile.filter(|p| p.unit == unit);
        let bar = match self.bar {
            Some(bar) => input::weight(bar, unit, "--bar")?,
            None => own.map_or_else(|| default_bar(unit), |p| p.bar),
        };
        let sizes = match &self.plates {
            Some(sizes) => sizes
                .iter()
                .map(|&size| input::positive_weight(size, unit, "--plates"))
                .collect::<Result<Vec<_>, _>>()?,
            None => own.map_or_else(|| default_plates(unit), |p| p.plates.clone()),
        };
        Ok(Plates::unlimited(unit, bar, &sizes))
    }
}

/// The kit a plan was made with, for the JSON: the bar and the plate sizes, in `unit`.
fn kit_json(plates: &Plates) -> (f64, Vec<f64>) {
    let unit = plates.unit;
    (
        plates.bar.in_unit(unit),
        plates.plates.iter().map(|p| p.size.in_unit(unit)).collect(),
    )
}

/// A load for the bar: a weight, and one a barbell can really carry — no one has ever lifted
/// more than the all-time record (`core::workout::plausible`), so past it there is no plate plan to give.
/// Every load past it hears of the record, never of the larger limit on any weight (1000 kg).
fn bar_load(value: f64, unit: Unit) -> Result<Weight, Failure> {
    let record = plausible::HEAVIEST_LIFT_KG / unit.kg_factor();
    input::typeable(value, unit, "load", record)?;
    if let Some(why) = plausible::beyond_record(value * unit.kg_factor(), unit) {
        return Err(input::usage(format!("load: {why}")));
    }
    input::weight(value, unit, "load")
}

/// Options for `calc plates`.
#[derive(Debug, Args)]
pub struct PlatesArgs {
    /// The load you want on the bar (bar included)
    #[arg(value_name = "LOAD")]
    load: f64,

    #[command(flatten)]
    kit: KitArgs,
}

/// Options for `calc warmup`.
#[derive(Debug, Args)]
pub struct WarmupArgs {
    /// The first working set's load
    #[arg(value_name = "LOAD")]
    load: f64,

    #[command(flatten)]
    kit: KitArgs,
}

/// The nearest makeable load and the plates for it, with the makeable loads either side.
pub fn plates(args: &PlatesArgs, yours: &Yours<'_>) -> Result<Report, Failure> {
    let plates = args.kit.plates(yours)?;
    let unit = plates.unit;
    let target = bar_load(args.load, unit)?;
    let loadable = plates.loadable(target);
    let nearest = plates
        .round_to_loadable(target, Rounding::Nearest)
        .ok_or_else(|| input::usage(format!("no load near {} {unit} can be made", args.load)))?;
    let achieved = |l: &Option<PlateLoad>| l.as_ref().map(|l| l.achieved.in_unit(unit));
    let (bar, sizes) = kit_json(&plates);
    let json = json!({
        "per_side": nearest.per_side.iter().map(|p| p.in_unit(unit)).collect::<Vec<_>>(),
        "achieved": nearest.achieved.in_unit(unit),
        "below": achieved(&loadable.below),
        "above": achieved(&loadable.above),
        "bar": bar,
        "plates": sizes,
        "unit": unit.label(),
    });
    Ok(Report::new(
        json,
        describe(&nearest, target, plates.bar, unit),
    ))
}

fn describe(load: &PlateLoad, target: Weight, bar: Weight, unit: Unit) -> String {
    let side = if load.per_side.is_empty() {
        "the empty bar".to_owned()
    } else {
        let plates: Vec<String> = load.per_side.iter().map(|p| p.display(unit)).collect();
        format!(
            "{} a side on a {} {unit} bar",
            plates.join(" + "),
            bar.display(unit)
        )
    };
    let note = if load.achieved.display(unit) == target.display(unit) {
        String::new()
    } else {
        format!(" (nearest to {} {unit})", target.display(unit))
    };
    format!("{} {unit}: {side}{note}", load.achieved.display(unit))
}

/// Warm-up sets before a first working set, lightest first.
pub fn warmup(args: &WarmupArgs, yours: &Yours<'_>) -> Result<Report, Failure> {
    let plates = args.kit.plates(yours)?;
    let (bar, sizes) = kit_json(&plates);
    let unit = plates.unit;
    let working = bar_load(args.load, unit)?;
    let sets = warmups(working, &WarmupScheme::default(), &Loader::Barbell(plates));
    let rows: Vec<(Weight, u16)> = sets
        .iter()
        .filter_map(|s| match s.load {
            Load::External(w) => Some((w, s.reps.map_or(0, Reps::get))),
            _ => None,
        })
        .collect();
    let json = json!({
        "sets": rows
            .iter()
            .map(|(w, reps)| json!({ "weight": w.in_unit(unit), "reps": reps }))
            .collect::<Vec<Value>>(),
        "bar": bar,
        "plates": sizes,
        "unit": unit.label(),
    });
    let text = if rows.is_empty() {
        format!(
            "no warm-up: {} {unit} is the empty bar or less",
            working.display(unit)
        )
    } else {
        rows.iter()
            .map(|(w, reps)| format!("{} {unit} x {reps}", w.display(unit)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Ok(Report::new(json, text))
}
