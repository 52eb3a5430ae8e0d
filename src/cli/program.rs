//! `ironpulse program …`: the library, a program's preview with your loads, a simulation, a file
//! check and a recommendation.

mod edit;
mod find;
mod list;
mod run;
pub(crate) mod running;
mod show;
mod simulate;

use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::{Args, Subcommand};
use ironpulse::core::profile::Profile;
use ironpulse::core::program::Program;
use ironpulse::core::units::{Unit, Weight};
use ironpulse::read::ProgramLifter;
use ironpulse::store::{RunStatus, Store};

use super::recommend::{present, profile_or_default, read_existing};
use super::{Context, Failure, output};

#[derive(Debug, Subcommand)]
pub enum ProgramCommand {
    /// The built-in programs, filtered by days, level, goal and session length
    #[command(after_help = "\
Each line: name, level, goal, days a week, estimated minutes a session (20 s a set, 7 s a rep
and the rest), periodization and origin. Filters combine.

Examples:
  ironpulse program list
  ironpulse program list --days 3 --level novice
  ironpulse program list --goal hypertrophy --minutes 60 --json")]
    List(list::ListArgs),

    /// A program's weeks and days with your loads, and its intensity and volume by week
    #[command(after_help = "\
Loads come from your maxes: --max, else your best e1RM of the last 12 weeks you trained the lift;
a lift the program loads by percentage without a max is listed under \"set your maxes\".
Loads are rounded to your bar and plates. NAME is a built-in (a few letters do) or a file.

Examples:
  ironpulse program show gzclp
  ironpulse program show 531 --week 4 --max squat=140 --max bench=100
  ironpulse program show ./my-program.txt --json")]
    Show(ShowArgs),

    /// Run a program forward without saving: every set done, or a lift failed in a week
    #[command(after_help = "\
The simulated lifter does every set at its target (the top of a range); an AMRAP gets the reps
your max allows at that load with one in reserve; --fail LIFT@WEEK makes every set of that lift
one rep short in that week. Shows what changed after each session and where each lift ends.

Examples:
  ironpulse program simulate stronglifts --weeks 12
  ironpulse program simulate gzclp --weeks 12 --fail squat@3
  ironpulse program simulate 531 --weeks 16 --json")]
    Simulate(simulate::SimulateArgs),

    /// Check a program file; exits 2 with the line, column and what was expected
    #[command(after_help = "\
Examples:
  ironpulse program validate my-program.txt")]
    Validate {
        /// The program file
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },

    /// Start a program on a date on your training weekdays (one runs at a time)
    #[command(after_help = "\
Loads come from your maxes (--max, else your best e1RM of the last 12 weeks); a program that
loads a lift by percentage without a max is refused, naming the lifts. A built-in is copied into
your programs first (`program edit` changes your copy). --missed shift (the default) lets a
missed day wait for you; --missed mark marks it missed and keeps the dates.

Examples:
  ironpulse program start gzclp --days mon,wed,fri
  ironpulse program start 531 --date 2026-12-14 --days mon,tue,thu,fri --max squat=140 --max bench=100
  ironpulse program start stronglifts --missed mark")]
    Start(run::StartArgs),

    /// Today's workout of the running program, with your loads (or the next on a rest day)
    #[command(after_help = "\
Examples:
  ironpulse program today
  ironpulse program today --json")]
    Today {
        /// Print one JSON object instead of text
        #[arg(long)]
        json: bool,
    },

    /// The running program: week, progress, adherence per week, calendar and recent changes
    #[command(after_help = "\
Adherence: sessions done of those due, working sets done of those prescribed (a missed day's
count as not done), and loads within ±2.5 % of the prescription.

Examples:
  ironpulse program status
  ironpulse program status --json")]
    Status {
        /// Print one JSON object instead of text
        #[arg(long)]
        json: bool,
    },

    /// Pause the running program (no days are planned until resumed)
    #[command(after_help = "Examples:\n  ironpulse program pause")]
    Pause,

    /// Resume the paused program from the next training day
    #[command(after_help = "Examples:\n  ironpulse program resume")]
    Resume,

    /// Finish the running program, with a summary
    #[command(after_help = "Examples:\n  ironpulse program finish")]
    Finish,

    /// Abandon the running program, with a summary
    #[command(after_help = "Examples:\n  ironpulse program abandon")]
    Abandon,

    /// Skip today's (or the next) day of the running program
    #[command(after_help = "Examples:\n  ironpulse program skip")]
    Skip,

    /// Move today's (or the next) day of the running program to another date
    #[command(after_help = "Examples:\n  ironpulse program move --to 2026-12-12")]
    Move(run::DayArgs),

    /// Edit a program in $EDITOR; a new version is kept when it changed and reads
    #[command(after_help = "\
A built-in is copied into your programs first. A syntax error or an unknown exercise is shown
with its line and nothing is saved (your edit is kept in a file to fix). Editing the running
program moves it to the new version from its next day.

Examples:
  EDITOR=nano ironpulse program edit gzclp
  ironpulse program edit \"my upper lower\"")]
    Edit {
        /// Yours or a built-in
        #[arg(value_name = "NAME")]
        name: String,
    },

    /// Keep a finished session as a one-day program of your own (the last one by default)
    #[command(after_help = "\
Each lift becomes a line of its working sets as done (3x5 100kg), warm-ups as your usual ramp;
add progression rules and more days with `program edit`.

Examples:
  ironpulse program save-session \"Monday legs\"
  ironpulse program save-session \"Heavy day\" --session 412")]
    SaveSession {
        /// The new program's name
        #[arg(value_name = "NAME")]
        name: String,
        /// The session (its id in `ironpulse report --json` or History); default the last finished
        #[arg(long, value_name = "ID")]
        session: Option<i64>,
    },

    /// Write a new program of your own in $EDITOR, from a skeleton
    #[command(after_help = "\
The skeleton shows the format; save it changed to keep the program (unchanged: nothing is kept).
A syntax error or an unknown exercise is shown with its line and nothing is saved.

Examples:
  EDITOR=nano ironpulse program new \"My upper lower\"")]
    New {
        /// Its name
        #[arg(value_name = "NAME")]
        name: String,
    },

    /// Delete one of your programs (one that was run is archived, its history kept)
    #[command(after_help = "Examples:\n  ironpulse program delete \"My upper lower\"")]
    Delete {
        /// One of your programs
        #[arg(value_name = "NAME")]
        name: String,
    },

    /// A program's versions and its modification history
    #[command(after_help = "Examples:\n  ironpulse program history gzclp")]
    History {
        /// Yours or a built-in
        #[arg(value_name = "NAME")]
        name: String,
    },

    /// Accept a change the running program proposes (it is applied at once)
    #[command(after_help = "\
The program proposes changes after a day when a lift stalls, resets pile up, an AMRAP falls short
or the deload check turns medium or high; `ironpulse program status` lists them with their ids.

Examples:
  ironpulse program accept 12")]
    Accept {
        /// The proposal's id
        #[arg(value_name = "ID")]
        id: i64,
    },

    /// Decline a change the running program proposes (it is not proposed again for two weeks)
    #[command(after_help = "Examples:\n  ironpulse program decline 12")]
    Decline {
        /// The proposal's id
        #[arg(value_name = "ID")]
        id: i64,
    },

    /// Rank the built-ins for your training age, days, minutes and goal, with the reasons
    #[command(after_help = "\
Training age is read from your history (months since your first session); without history you
count as a novice.

Examples:
  ironpulse program recommend --days 3
  ironpulse program recommend --days 4 --minutes 60 --goal strength --json")]
    Recommend(list::RecommendArgs),
}

/// Options for `program show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The program: a built-in's name (a few letters will do) or a file
    #[arg(value_name = "NAME")]
    name: String,

    /// Only this week
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=520))]
    week: Option<u16>,

    /// Your 1RM of a lift, e.g. squat=140 or bench=225lb (repeatable)
    #[arg(long = "max", value_name = "LIFT=WEIGHT", value_parser = parse_max)]
    maxes: Vec<(String, MaxWeight)>,

    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
}

/// A weight given on the command line, in its unit or the lifter's.
#[derive(Debug, Clone, Copy)]
pub struct MaxWeight {
    value: f64,
    unit: Option<Unit>,
}

/// `squat=140`, `bench=225lb`.
fn parse_max(text: &str) -> Result<(String, MaxWeight), String> {
    let (lift, weight) = text
        .split_once('=')
        .ok_or_else(|| format!("expected LIFT=WEIGHT like squat=140, got {text:?}"))?;
    let weight = weight.trim();
    let (number, unit) = if let Some(n) = weight.strip_suffix("kg") {
        (n, Some(Unit::Kg))
    } else if let Some(n) = weight.strip_suffix("lb") {
        (n, Some(Unit::Lb))
    } else {
        (weight, None)
    };
    let value: f64 = number.trim().parse().map_err(|_| {
        format!("expected a weight like 140 or 225lb after {lift}=, got {weight:?}")
    })?;
    let check = Weight::from_unit(value, unit.unwrap_or(Unit::Kg)).map_err(|e| e.0)?;
    if check.kg() <= 0.0 {
        return Err(format!("a max must be more than 0, got {weight:?}"));
    }
    if lift.trim().is_empty() {
        return Err(format!("expected a lift before =, got {text:?}"));
    }
    Ok((lift.trim().to_string(), MaxWeight { value, unit }))
}

pub fn run(ctx: &Context, command: ProgramCommand) -> Result<(), Failure> {
    match command {
        ProgramCommand::List(args) => list::list(ctx, &args),
        ProgramCommand::Recommend(args) => list::recommend(ctx, &args),
        ProgramCommand::Show(args) => show::run(ctx, &args),
        ProgramCommand::Simulate(args) => simulate::run(ctx, &args),
        ProgramCommand::Validate { file } => validate(&file),
        ProgramCommand::Start(args) => run::start(ctx, &args),
        ProgramCommand::Edit { name } => edit::edit(ctx, &name),
        ProgramCommand::Accept { id } => run::decide(ctx, id, true),
        ProgramCommand::Decline { id } => run::decide(ctx, id, false),
        ProgramCommand::History { name } => edit::history(ctx, &name),
        ProgramCommand::New { name } => edit::new(ctx, &name),
        ProgramCommand::Delete { name } => edit::delete(ctx, &name),
        ProgramCommand::SaveSession { name, session } => edit::save_session(ctx, &name, session),
        ProgramCommand::Today { json } => run::today(ctx, json),
        ProgramCommand::Status { json } => run::status(ctx, json),
        ProgramCommand::Pause => run::set_status(ctx, RunStatus::Paused),
        ProgramCommand::Resume => run::set_status(ctx, RunStatus::Active),
        ProgramCommand::Finish => run::set_status(ctx, RunStatus::Finished),
        ProgramCommand::Abandon => run::set_status(ctx, RunStatus::Abandoned),
        ProgramCommand::Skip => run::mark(ctx, true, &run::DayArgs { to: None }),
        ProgramCommand::Move(args) => run::mark(ctx, false, &args),
    }
}

fn validate(file: &std::path::Path) -> Result<(), Failure> {
    let (program, _) = find::read_file(file)?;
    let exercises = Store::open_in_memory()
        .and_then(|s| s.exercises())
        .map_err(|e| Failure::from_store(e, "read the exercise catalogue"))?;
    let unknown: Vec<String> = program
        .weeks
        .iter()
        .flat_map(|w| &w.days)
        .flat_map(|d| &d.lines)
        .filter(|l| ironpulse::read::program_lifter::find(&exercises, &l.exercise).is_none())
        .map(|l| format!("line {}: no exercise is called {:?}", l.at, l.exercise))
        .collect();
    if let Some(first) = unknown.first() {
        return Err(Failure::Usage(format!(
            "{}: {first}{} (names and aliases from the catalogue, or your own exercises)",
            file.display(),
            if unknown.len() > 1 {
                format!(" and {} more", unknown.len() - 1)
            } else {
                String::new()
            }
        )));
    }
    let days: usize = program.weeks.iter().map(|w| w.days.len()).sum();
    output::line(format!(
        "{}: {} — {} week{}, {days} day{}: valid",
        file.display(),
        program.meta.name,
        program.weeks.len(),
        if program.weeks.len() == 1 { "" } else { "s" },
        if days == 1 { "" } else { "s" },
    ))
}

/// What a command about a program needs of the lifter: the store (an empty one when there is no
/// database yet), their profile and today.
struct Lifting {
    store: Store,
    profile: Profile,
    today: NaiveDate,
}

impl Lifting {
    fn open(ctx: &Context) -> Result<Lifting, Failure> {
        let db = ctx.db_path()?;
        let store = if present(&db) {
            read_existing(&db)?
        } else {
            Store::open_in_memory().map_err(|e| Failure::from_store(e, "open a blank store"))?
        };
        let profile = profile_or_default(&store)?;
        Ok(Lifting {
            store,
            profile,
            today: Utc::now().date_naive(),
        })
    }

    /// The lifter for `program`, with the maxes given on the command line.
    fn lifter(
        &self,
        program: &Program,
        given: &[(String, MaxWeight)],
    ) -> Result<ProgramLifter, Failure> {
        let given: Vec<(String, Weight)> = given
            .iter()
            .map(|(lift, m)| {
                Weight::from_unit(m.value, m.unit.unwrap_or(self.profile.unit))
                    .map(|w| (lift.clone(), w))
                    .map_err(|e| Failure::Usage(format!("--max {lift}: {}", e.0)))
            })
            .collect::<Result<_, _>>()?;
        let lifter = ProgramLifter::read(&self.store, &self.profile, program, &given, self.today)
            .map_err(|e| Failure::from_store(e, "read your maxes"))?;
        if let Some(u) = lifter.unknown.first() {
            return Err(Failure::Usage(format!(
                "{}: line {}: no exercise is called {:?}",
                program.meta.name, u.line, u.written
            )));
        }
        let exercises = self
            .store
            .exercises()
            .map_err(|e| Failure::from_store(e, "read your exercises"))?;
        let mut seen: Vec<String> = Vec::new();
        for (lift, _) in &given {
            if let Some(e) = ironpulse::read::program_lifter::find(&exercises, lift) {
                if seen.contains(&e.name) {
                    return Err(Failure::Usage(format!(
                        "--max {lift}: {} is given twice; give each lift's max once",
                        e.name
                    )));
                }
                seen.push(e.name.clone());
            }
        }
        for (lift, _) in &given {
            let named = ironpulse::read::program_lifter::find(&exercises, lift);
            if !named.is_some_and(|e| lifter.maxes.iter().any(|m| m.exercise == e.name)) {
                let lifts: Vec<&str> = lifter.maxes.iter().map(|m| m.exercise.as_str()).collect();
                return Err(Failure::Usage(format!(
                    "--max {lift}: {} has no such lift (its lifts: {})",
                    program.meta.name,
                    lifts.join(", ")
                )));
            }
        }
        Ok(lifter)
    }
}
