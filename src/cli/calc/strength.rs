//! `calc e1rm | rpe | load | dots | wilks`: one-rep max, the RTS chart and strength scores.

use clap::Args;
use ironpulse::core::strength::e1rm::{self, Basis, E1rmError, Formula};
use ironpulse::core::strength::rpe::{load_for, percent_1rm};
use ironpulse::core::strength::strength_score::Score;
use ironpulse::core::units::{Rpe, Unit, Weight, format_number};
use serde_json::{Map, Value, json};

use super::super::Failure;
use super::input::{self, SexArg, UnitArg, usage};
use super::report::{Report, r2};
use super::yours::Yours;

/// Options for `calc e1rm`.
#[derive(Debug, Args)]
pub struct E1rmArgs {
    /// The set as on the entry line: 100x5, 225lbx5, 100x5@8, 100x5r2, bw+20x8
    #[arg(value_name = "SET", allow_hyphen_values = true)]
    set: String,

    /// RPE of the set (6.5–10 uses the RTS chart); the same as @P in the set
    #[arg(long, value_name = "P", conflicts_with = "formula")]
    rpe: Option<f64>,

    /// brzycki, epley, lombardi, mayhew, oconner, wathan, lander, or all
    /// [default: Brzycki up to 10 reps, Epley for 11–12; the RTS chart with an RPE]
    #[arg(long, value_name = "NAME")]
    formula: Option<String>,

    /// Your body weight, for a body-weight set such as bw+20x8
    #[arg(long, value_name = "B")]
    bodyweight: Option<f64>,

    /// Unit of bare numbers and of the answer [default: the unit the set names, else your
    /// profile's, else kg]
    #[arg(long, value_enum)]
    unit: Option<UnitArg>,
}

/// Options for `calc rpe`.
#[derive(Debug, Args)]
pub struct RpeArgs {
    /// Reps in the set (1–12)
    #[arg(long, value_name = "R", required_unless_present = "reps_at")]
    reps: Option<u16>,

    /// RPE of the set (6.5–10 in half steps)
    #[arg(long, value_name = "P", required_unless_present = "rpe_at")]
    rpe: Option<f64>,

    /// `calc rpe 5 8`: reps and RPE without the flags (kept for the older spelling)
    #[arg(value_name = "REPS", conflicts_with = "reps", hide = true)]
    reps_at: Option<u16>,

    #[arg(value_name = "RPE", conflicts_with = "rpe", hide = true)]
    rpe_at: Option<f64>,
}

/// Options for `calc load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Current estimated one-rep max
    #[arg(long, value_name = "X")]
    e1rm: f64,
    /// Target reps (1–12)
    #[arg(long, value_name = "R")]
    reps: u16,
    /// Target RPE (6.5–10 in half steps)
    #[arg(long, value_name = "P")]
    rpe: f64,
    /// Unit of the e1RM and the answer [default: your profile's unit, else kg]
    #[arg(long, value_enum)]
    unit: Option<UnitArg>,
}

/// Options for `calc dots` and `calc wilks`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Body weight
    #[arg(long, value_name = "B")]
    bodyweight: f64,
    /// Total (or a single lift)
    #[arg(long, value_name = "T")]
    total: f64,
    /// Sex: m or f
    #[arg(long, value_enum)]
    sex: SexArg,
    /// Unit of the body weight and total
    #[arg(long, value_enum, default_value = "kg")]
    unit: UnitArg,
}

/// Which formulas `--formula` asked for.
fn formulas(name: Option<&str>) -> Result<Option<Vec<Formula>>, Failure> {
    match name {
        None => Ok(None),
        Some(name) if name.eq_ignore_ascii_case("all") => Ok(Some(Formula::ALL.to_vec())),
        Some(name) => Formula::from_name(name)
            .map(|f| Some(vec![f]))
            .ok_or_else(|| {
                let names: Vec<&str> = Formula::ALL.iter().map(|f| f.name()).collect();
                usage(format!(
                    "unknown formula {name:?}: choose {} or all",
                    names.join(", ")
                ))
            }),
    }
}

/// Estimated one-rep max of a set typed as on the entry line.
pub fn e1rm(args: &E1rmArgs, yours: &Yours<'_>) -> Result<Report, Failure> {
    let unit = match args.unit.map(Unit::from).or(input::named_unit(&args.set)) {
        Some(unit) => unit,
        None => yours.unit()?,
    };
    let body = args
        .bodyweight
        .map(|b| input::positive_weight(b, unit, "--bodyweight"))
        .transpose()?;
    let set = input::set(&args.set, unit, body)?;
    let flag = args.rpe.map(input::rpe).transpose()?;
    let rpe = match (set.rpe, flag) {
        (Some(typed), Some(flag)) if typed != flag => {
            return Err(usage(format!(
                "the set says RPE {} and --rpe says {}: give it once",
                format_number(typed.value()),
                format_number(flag.value())
            )));
        }
        (typed, flag) => typed.or(flag),
    };
    match formulas(args.formula.as_deref())? {
        Some(_) if set.rpe.is_some() => Err(usage(
            "--formula ignores the RPE: leave out the @ or r part of the set, or --formula",
        )),
        Some(chosen) => by_formulas(&chosen, set.moved, set.reps, unit),
        None => by_default(set.moved, set.reps, rpe, unit),
    }
}

/// The app's default estimate: the RTS chart with an RPE inside it, else the default formula.
fn by_default(weight: Weight, reps: u16, rpe: Option<Rpe>, unit: Unit) -> Result<Report, Failure> {
    let basis = e1rm::basis(reps, rpe, None);
    let how = match basis {
        Basis::Chart { percent } => {
            let rpe = rpe.map_or_else(String::new, |r| format_number(r.value()));
            format!(
                "RTS chart: {reps} @ RPE {rpe} is {} % of 1RM",
                format_number(percent)
            )
        }
        Basis::Formula(formula) => {
            // Asking the formula itself says why a set gets no estimate (0 or > 12 reps).
            e1rm::by_formula(formula, weight, reps).map_err(usage)?;
            formula.name().to_owned()
        }
    };
    let e = e1rm::estimate(weight, reps, rpe, None).ok_or_else(|| usage(E1rmError::AboveMax))?;
    Ok(Report::new(
        json!({ "e1rm": e.in_unit(unit) }),
        format!("e1RM {} {unit} ({how})", e.display(unit)),
    ))
}

/// The estimate by each chosen formula: `{"e1rm": …}` for one, one key per formula for several.
fn by_formulas(
    chosen: &[Formula],
    weight: Weight,
    reps: u16,
    unit: Unit,
) -> Result<Report, Failure> {
    let estimates = chosen
        .iter()
        .map(|&f| Ok((f, e1rm::by_formula(f, weight, reps).map_err(usage)?)))
        .collect::<Result<Vec<_>, Failure>>()?;
    if let [(formula, e)] = estimates.as_slice() {
        return Ok(Report::new(
            json!({ "e1rm": e.in_unit(unit) }),
            format!("e1RM {} {unit} ({})", e.display(unit), formula.name()),
        ));
    }
    let json: Map<String, Value> = estimates
        .iter()
        .map(|(f, e)| (f.name().to_owned(), json!(e.in_unit(unit))))
        .collect();
    let text: Vec<String> = estimates
        .iter()
        .map(|(f, e)| format!("{:<9} {} {unit}", f.name(), e.display(unit)))
        .collect();
    Ok(Report::new(Value::Object(json), text.join("\n")))
}

/// Percent of 1RM for reps at an RPE.
pub fn percent(args: &RpeArgs) -> Result<Report, Failure> {
    // Clap requires one spelling of each; the other is then absent.
    let (Some(reps), Some(rpe)) = (args.reps.or(args.reps_at), args.rpe.or(args.rpe_at)) else {
        return Err(usage("give the reps and the RPE: --reps 5 --rpe 8"));
    };
    let rpe = input::rpe(rpe)?;
    let pct = percent_1rm(reps, rpe).map_err(usage)?;
    Ok(Report::new(
        json!({ "percent": r2(pct) }),
        format!(
            "{reps} reps @ RPE {} = {} % of 1RM",
            format_number(rpe.value()),
            format_number(pct)
        ),
    ))
}

/// The load for a target (reps @ RPE) from an e1RM.
pub fn load(args: &LoadArgs, yours: &Yours<'_>) -> Result<Report, Failure> {
    let unit = match args.unit {
        Some(unit) => Unit::from(unit),
        None => yours.unit()?,
    };
    let e1rm = input::positive_weight(args.e1rm, unit, "--e1rm")?;
    let load = load_for(e1rm, args.reps, input::rpe(args.rpe)?).map_err(usage)?;
    Ok(Report::new(
        json!({ "load": load.in_unit(unit) }),
        format!(
            "{} {unit} for {} @ RPE {} (before rounding to plates)",
            load.display(unit),
            args.reps,
            format_number(args.rpe)
        ),
    ))
}

/// DOTS or Wilks2020 points for a total at a body weight.
pub fn points(score: Score, args: &ScoreArgs) -> Result<Report, Failure> {
    let unit = Unit::from(args.unit);
    let body = input::positive_weight(args.bodyweight, unit, "--bodyweight")?;
    let total = input::positive_weight(args.total, unit, "--total")?;
    let points = score.points(args.sex.into(), body, total);
    let name = match score {
        Score::Dots => "DOTS",
        Score::Wilks2020 => "Wilks2020",
    };
    Ok(Report::new(
        json!({ "points": r2(points) }),
        format!("{name} {}", format_number(points)),
    ))
}
