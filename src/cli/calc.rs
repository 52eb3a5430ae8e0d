//! `ironpulse calc …`: the calculators, a thin command line over the pure core. Each prints a
//! short answer, or one JSON object with `--json`; bad input exits 2 with the reason.

mod heart;
mod hrtss;
mod input;
mod plates;
mod report;
mod running;
mod strength;
mod training;
mod yours;

use clap::{Args, Subcommand};
use ironpulse::core::strength::strength_score::Score;

use super::{Context, Failure, output};
use yours::Yours;

/// Options for `ironpulse calc`.
#[derive(Debug, Args)]
pub struct CalcArgs {
    /// Print one JSON object instead of text
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: CalcCommand,
}

#[derive(Debug, Subcommand)]
enum CalcCommand {
    /// Estimated one-rep max from a set
    #[command(
        allow_negative_numbers = true,
        after_help = "\
The set is typed as on the app's entry line: 100x5, 225lbx5 (a unit for this set), 100x5@8 or
--rpe 8 (RPE), 100x5r2 (reps in reserve), bw+20x8 with --bodyweight. Bare numbers and the answer
are in --unit, else the unit the set names, else your profile's unit (the database --db names),
else kg.

Without --formula: the RTS chart when the RPE is 6.5–10, else Brzycki up to 10 reps and Epley for
11–12. No estimate is made above 12 reps.

Examples:
  ironpulse calc e1rm 100x5
  ironpulse calc e1rm 100x5 --rpe 8
  ironpulse calc e1rm 225lbx5@8.5
  ironpulse calc e1rm bw+20x8 --bodyweight 80
  ironpulse calc e1rm 225x8 --unit lb --formula all --json"
    )]
    E1rm(strength::E1rmArgs),

    /// Percent of 1RM for reps at an RPE (the RTS chart)
    #[command(
        allow_negative_numbers = true,
        after_help = "\
--reps and --rpe as in `calc load` (`calc rpe 5 8` works too).

Examples:
  ironpulse calc rpe --reps 5 --rpe 8          5 reps @ RPE 8 is 81.1 % of 1RM
  ironpulse calc rpe --reps 3 --rpe 9.5 --json"
    )]
    Rpe(strength::RpeArgs),

    /// The load for reps at an RPE, from an estimated 1RM
    #[command(
        allow_negative_numbers = true,
        after_help = "\
The e1RM and the answer are in --unit, else your profile's unit (the database --db names), else
kg. The answer is not rounded to plates: pipe it into `calc plates`.

Examples:
  ironpulse calc load --e1rm 200 --reps 5 --rpe 8
  ironpulse calc load --e1rm 405 --reps 3 --rpe 9 --unit lb --json"
    )]
    Load(strength::LoadArgs),

    /// Plates a side for a load (the nearest one your plates make)
    #[command(
        allow_negative_numbers = true,
        after_help = "\
Your plates: the unit, bar and plate sizes of your profile (the database --db names, else
IRONPULSE_DB, database.path in the config, the default one; only read). --unit, --bar and
--plates each override their part; a --unit other than the profile's uses that unit's standard
bar and plates. Without a database or a profile: kg, a 20 kg bar, 25-1.25 kg plates.

JSON: per_side (heaviest first), achieved, the makeable loads just below and above, and the bar
and plates used. A load heavier than anyone has ever lifted (635.48 kg, a 2023 bench press) is
refused (exit 2).

Examples:
  ironpulse calc plates 100
  ironpulse calc plates 61 --plates 20,10,5,2.5
  ironpulse calc plates 315 --unit lb --bar 45 --json"
    )]
    Plates(plates::PlatesArgs),

    /// Warm-up sets before a working weight: bar x 10, 40 % x 5, 60 % x 3, 80 % x 1
    #[command(
        allow_negative_numbers = true,
        after_help = "\
Each step is rounded down to a load your plates make; steps that do not climb are dropped. Your
unit, bar and plates are found as by `calc plates` (your profile's, unless a flag says
otherwise). A working weight heavier than anyone has ever lifted is refused, as by `calc plates`.

Examples:
  ironpulse calc warmup 100
  ironpulse calc warmup 225 --unit lb --json"
    )]
    Warmup(plates::WarmupArgs),

    /// Points for a total at a body weight: DOTS
    #[command(
        allow_negative_numbers = true,
        after_help = "\
Examples:
  ironpulse calc dots --bodyweight 83 --total 600 --sex m
  ironpulse calc dots --bodyweight 140 --total 900 --sex f --unit lb --json"
    )]
    Dots(strength::ScoreArgs),

    /// Points for a total at a body weight: Wilks2020 (not the 1995 Wilks)
    #[command(
        allow_negative_numbers = true,
        after_help = "\
Examples:
  ironpulse calc wilks --bodyweight 100 --total 700 --sex m
  ironpulse calc wilks --bodyweight 63 --total 380 --sex f --json"
    )]
    Wilks(strength::ScoreArgs),

    /// Estimated max heart rate from age
    #[command(
        allow_negative_numbers = true,
        after_help = "\
Use a measured maximum when you have one: these estimates are off by 10 bpm for many people.

Examples:
  ironpulse calc hrmax --age 40
  ironpulse calc hrmax --age 30 --formula fox --json"
    )]
    Hrmax(heart::HrmaxArgs),

    /// Heart-rate zones: Karvonen (heart-rate reserve) or Friel's LTHR tables
    #[command(
        allow_negative_numbers = true,
        after_help = "\
JSON: zones with low (inclusive) and high (exclusive, null for the top zone) in bpm.

Examples:
  ironpulse calc zones --max 190 --rest 50
  ironpulse calc zones --lthr 165 --model friel-run --json"
    )]
    Zones(heart::ZonesArgs),

    /// hrTSS and TRIMP of a session, from an average heart rate or a recording
    #[command(
        allow_negative_numbers = true,
        after_help = "\
hrTSS here is HR-based and TRIMP-normalised: one hour at LTHR scores 100. A recording has one
`<ms since start> <hex bytes>` line per heart-rate notification (`#` lines are comments); packets
without a usable heart rate are skipped and counted.

Examples:
  ironpulse calc hrtss --minutes 60 --avg-hr 140 --rest 50 --max 190 --lthr 165
  ironpulse calc hrtss --file ride.hrm --rest 50 --max 190 --lthr 165 --sex f --json"
    )]
    Hrtss(hrtss::HrtssArgs),

    /// RMSSD and SDNN from RR intervals
    #[command(
        allow_negative_numbers = true,
        after_help = "\
Artefacts are dropped first (RR outside 300–2000 ms, or more than 20 % from the previous kept
one) and counted, unless --raw.

Examples:
  ironpulse calc hrv 800 810 790 805
  ironpulse calc hrv --file rr.txt --json"
    )]
    Hrv(heart::HrvArgs),

    /// Fitness (CTL), fatigue (ATL) and form (TSB) from daily loads
    #[command(
        allow_negative_numbers = true,
        after_help = "\
The file has one daily load per line (e.g. the day's hrTSS), oldest first, 0 for rest days;
blank lines and `#` comments are skipped. CTL and ATL use 42- and 7-day time constants.

Examples:
  ironpulse calc pmc --loads daily.txt
  ironpulse calc pmc --loads daily.txt --json"
    )]
    Pmc(training::PmcArgs),

    /// Acute:chronic workload ratio from daily loads
    #[command(
        allow_negative_numbers = true,
        after_help = "\
The file is as for `calc pmc`. The first 27 days have no ratio (null in JSON).

Examples:
  ironpulse calc acwr --loads daily.txt
  ironpulse calc acwr --loads daily.txt --model ewma --json"
    )]
    Acwr(training::AcwrArgs),

    /// VDOT from a race result
    #[command(
        allow_negative_numbers = true,
        after_help = "\
Distances: 5k, 10k, half, marathon, 5000m, 3mi, mile. Times: 19:57, 1:31:35, 45s, 20min.

Examples:
  ironpulse calc vdot 5k 20:00
  ironpulse calc vdot half 1:31:35 --json"
    )]
    Vdot(running::VdotArgs),

    /// Predicted time at another distance, by Riegel and by VDOT
    #[command(
        allow_negative_numbers = true,
        after_help = "\
Examples:
  ironpulse calc race 5k 20:00 --to 10k
  ironpulse calc race 10k 41:21 --to marathon --exponent 1.08 --json"
    )]
    Race(running::RaceArgs),

    /// Daniels' training paces (seconds per km) from a VDOT
    #[command(
        allow_negative_numbers = true,
        after_help = "\
JSON: easy is [fastest, slowest]; the others are single paces, all in seconds per km.

Examples:
  ironpulse calc paces --vdot 50
  ironpulse calc paces --vdot 42.5 --json"
    )]
    Paces(running::PacesArgs),
}

/// Runs one calculator and prints its answer. Those that speak of your unit, bar or plates read
/// them from the profile of the database `ctx` names ([`Yours`]) when no flag gives them.
pub fn run(ctx: &Context, args: &CalcArgs) -> Result<(), Failure> {
    let yours = Yours::of(ctx);
    let report = match &args.command {
        CalcCommand::E1rm(a) => strength::e1rm(a, &yours),
        CalcCommand::Rpe(a) => strength::percent(a),
        CalcCommand::Load(a) => strength::load(a, &yours),
        CalcCommand::Plates(a) => plates::plates(a, &yours),
        CalcCommand::Warmup(a) => plates::warmup(a, &yours),
        CalcCommand::Dots(a) => strength::points(Score::Dots, a),
        CalcCommand::Wilks(a) => strength::points(Score::Wilks2020, a),
        CalcCommand::Hrmax(a) => heart::hrmax(a),
        CalcCommand::Zones(a) => heart::zones(a),
        CalcCommand::Hrtss(a) => hrtss::hrtss(a),
        CalcCommand::Hrv(a) => heart::hrv(a),
        CalcCommand::Pmc(a) => training::pmc(a),
        CalcCommand::Acwr(a) => training::acwr(a),
        CalcCommand::Vdot(a) => running::vdot(a),
        CalcCommand::Race(a) => running::race(a),
        CalcCommand::Paces(a) => running::paces(a),
    }?;
    output::line(report.render(args.json))
}
