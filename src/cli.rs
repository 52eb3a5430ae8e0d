//! The command line: global options, subcommands, and dispatch to one handler file each.

mod calc;
mod coach;
mod context;
mod db;
mod deload;
mod demo;
mod devices;
mod failure;
mod hr;
mod logging;
pub mod output;
mod program;
mod recommend;
mod report;
mod tui;

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

pub use context::Context;
pub use failure::Failure;

/// The environment variable that stands in for `--db`.
const DB_ENV: &str = "IRONPULSE_DB";

const MAIN_EXAMPLES: &str = "\
Examples:
  ironpulse                          start the terminal UI on your database
  ironpulse demo                     try it out on a year of generated training history
  ironpulse --db ~/gym.db db check   check another database file";

/// A terminal workout companion: log strength sets at keyboard speed, live heart rate,
/// progression.
#[derive(Debug, Parser)]
#[command(name = "ironpulse", version, after_help = MAIN_EXAMPLES)]
pub struct Cli {
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = DB_ENV,
        help = "Database file [default: database.path in the config, else \
                $XDG_DATA_HOME/ironpulse/ironpulse.db]"
    )]
    db: Option<PathBuf>,

    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help = "Config file [default: $XDG_CONFIG_HOME/ironpulse/config.toml]"
    )]
    config: Option<PathBuf>,

    #[command(flatten)]
    tui: tui::TuiArgs,

    #[command(subcommand)]
    command: Option<Command>,

    /// True when `db` came from `IRONPULSE_DB` rather than `--db`.
    #[arg(skip)]
    db_from_env: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start the terminal UI (the default when no command is given)
    #[command(after_help = "\
Examples:
  ironpulse tui
  ironpulse tui --hr sim                  simulated strap
  ironpulse tui --hr replay:assets/sample.hr --speed 10
  ironpulse --db ~/training/ironpulse.db tui")]
    Tui(tui::TuiArgs),

    /// Generate demo training history in a fresh database, then open it
    #[command(after_help = "\
The demo lifter runs built-in programs one after another (GZCLP first, then 5/3/1 variants, the
Texas Method or Candito), the last one still running: `program today` and `program status` show it.

Without --db the demo goes into a new temporary file (its path is printed); it never touches
your own database, and IRONPULSE_DB is ignored here.

Examples:
  ironpulse demo
  ironpulse demo --years 3 --seed 42 --db /tmp/demo.db --no-tui")]
    Demo(DemoArgs),

    /// Check, back up or locate the database
    #[command(
        subcommand,
        after_help = "\
Examples:
  ironpulse db check
  ironpulse db backup ~/ironpulse-backup.db
  ironpulse db path"
    )]
    Db(DbCommand),

    /// Calculators: e1RM, RPE loads, plates, warm-ups, HR zones, hrTSS, HRV, PMC, VDOT, DOTS
    #[command(
        subcommand_required = true,
        after_help = "\
Every calculator prints a short answer, or one JSON object with --json. Those that speak of
your unit, bar or plates (e1rm, load, plates, warmup) take them from your profile: the database
--db names (else IRONPULSE_DB, database.path in the config, the default one), only read, never
created or changed. Their flags override it; without a database or profile: kg, a 20 kg bar and
25-1.25 kg plates.

Examples:
  ironpulse calc e1rm 100x5 --rpe 8
  ironpulse calc plates 142.5
  ironpulse calc zones --max 190 --rest 50 --json"
    )]
    Calc(calc::CalcArgs),

    /// Heart rate without the UI: stream, record, take a resting HRV reading, decode packets
    #[command(
        subcommand,
        after_help = "\
Examples:
  ironpulse hr monitor --hr sim --json
  ironpulse hr record session.hr --duration 600
  ironpulse hr rest                      a 3-minute resting HRV reading, lying still
  ironpulse hr decode 163c1104"
    )]
    Hr(hr::HrCommand),

    /// List the Bluetooth LE heart-rate straps in range (name, address, signal strength)
    #[command(after_help = "\
Needs BlueZ (the bluetooth service) and a powered adapter; exits 1 with the reason when Bluetooth
is unavailable. Wear the strap while scanning: most sleep until their electrodes are wet.

Examples:
  ironpulse devices
  ironpulse devices --scan-seconds 10 --json
  ironpulse hr monitor --hr ble:H10      then use one by name (or part of it) or address")]
    Devices(devices::DevicesArgs),

    /// What to lift next session: each lift's target from its progression rule and history
    #[command(after_help = "\
Without EXERCISE: every lift with a weight trained in the last 8 weeks, then the deload check.
Rules are per exercise (Settings); without one, double progression with science.md's defaults.
Unknown names exit 2 with the closest ones. Reads the database while the app has it open.

Examples:
  ironpulse recommend
  ironpulse recommend back squat
  ironpulse recommend bench --json")]
    Recommend(recommend::RecommendArgs),

    /// Training programs: the library, a preview with your loads, a simulation, a file check
    #[command(
        subcommand,
        after_help = "\
Programs are plain text (README, \"Programs\"). NAME is a built-in's name (a few letters will
do, and a typo when only one program could be meant) or a program file.

Examples:
  ironpulse program list --days 3
  ironpulse program show gzclp --max squat=140
  ironpulse program simulate stronglifts --weeks 12 --fail squat@3
  ironpulse program validate my-program.txt
  ironpulse program recommend --days 4 --goal strength"
    )]
    Program(program::ProgramCommand),

    /// Deload check: the four signals with their numbers, the urgency and the plan
    #[command(after_help = "\
Signals: a main lift's e1RM falling (its 8-week trend line down 5 %+, as the insights call it),
mean RPE 9+ for 2 weeks, ACWR above 1.5 on 3 of the last 7 days, 5+ weeks since the last deload.
Two signals: medium; three: high.
The check reads the database while the app has it open; --record writes, so close the app first
(or press w on its dashboard).

Examples:
  ironpulse deload
  ironpulse deload --json
  ironpulse deload --record --start 2026-11-23 --note \"after the meet\"")]
    Deload(deload::DeloadArgs),

    /// A period's sessions, volume, PRs, training load, time in zones, HRV and insights
    #[command(after_help = "\
The period defaults to the 28 days ending today (UTC); everything (load, insights, deload check,
the running program's week and adherence) is as of --until, so a fixed database gives a fixed
report. --json prints one object, weights in kg with a `unit` field for display. Reads the
database while the app has it open.

Examples:
  ironpulse report
  ironpulse report --since 2026-01-01 --until 2026-03-31
  ironpulse report --json > last-4-weeks.json")]
    Report(report::ReportArgs),

    /// Progression context for a coach or an assistant: strength, endurance, recovery, advice
    #[command(after_help = "\
Strength: every lift trained in 3+ of the last 8 weeks, its e1RM trend (%/month ± standard error;
\"decreasing\" only at -2 %/month and 2+ standard errors down) and volume trend, the strongest and
weakest by e1RM change. Endurance: weekly hrTSS, fitness now and 8 weeks ago, time in zones.
Recovery: ACWR, form, HRV and the deload check. Then the current recommendations (as `ironpulse
recommend`) and the insights. With a program running: its week, adherence, today's and the next
day's work with loads, and its latest changes. Reads the database while the app has it open.

Examples:
  ironpulse context
  ironpulse context --json
  ironpulse context --json --as-of 2026-06-30")]
    Context(coach::ContextArgs),
}

/// Options for `ironpulse demo`.
#[derive(Debug, Args)]
struct DemoArgs {
    /// Years of history to generate
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..=i64::from(ironpulse::demo::MAX_YEARS)))]
    years: u32,

    /// Random seed: the same seed gives the same history
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,

    /// Only write the database; don't start the terminal UI
    #[arg(long)]
    no_tui: bool,
}

#[derive(Debug, Subcommand)]
enum DbCommand {
    /// Check integrity and schema version; exits 1 if something is wrong
    #[command(after_help = "\
Examples:
  ironpulse db check
  ironpulse --db ~/old-phone-export.db db check")]
    Check,

    /// Copy the database to FILE; safe while ironpulse is running
    #[command(after_help = "\
FILE must not exist yet (or be empty). The copy is checked before the command succeeds.

Examples:
  ironpulse db backup ~/backups/ironpulse-$(date +%F).db")]
    Backup {
        /// Where to write the copy
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },

    /// Print the database path that would be used
    #[command(after_help = "\
Precedence: --db, then IRONPULSE_DB, then database.path in the config, then the default.

Examples:
  ironpulse db path
  IRONPULSE_DB=/tmp/test.db ironpulse db path")]
    Path,
}

impl Cli {
    /// Parses the process arguments; on bad arguments or `--help` clap prints and exits
    /// (code 2 for mistakes, 0 for help and version).
    pub fn from_env() -> Self {
        let mut command = Self::command();
        // An empty IRONPULSE_DB means "not set", not "an empty --db".
        if std::env::var_os(DB_ENV).is_some_and(|value| value.is_empty()) {
            command = command.mut_arg("db", |arg| arg.env(None));
        }
        let matches = command.get_matches();
        let mut cli = Self::from_arg_matches(&matches).unwrap_or_else(|err| err.exit());
        cli.db_from_env = matches.value_source("db") == Some(ValueSource::EnvVariable);
        cli
    }
}

/// Loads the config, starts logging and runs the chosen command.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let ctx = Context::load(cli.db, cli.db_from_env, cli.config.as_deref())?;
    let _log_guard = ctx
        .dirs()
        .and_then(|dirs| match logging::init(dirs.log_dir()) {
            Ok(guard) => Some(guard),
            Err(err) => {
                output::warn(format_args!(
                    "warning: {err}; continuing without a log file"
                ));
                None
            }
        });
    tracing::info!(version = env!("CARGO_PKG_VERSION"), command = ?cli.command, "start");
    let result = dispatch(&ctx, cli.command.unwrap_or(Command::Tui(cli.tui)));
    match &result {
        Err(failure) if failure.is_quiet() => tracing::info!("stdout was closed; stopped"),
        Err(failure) => tracing::error!("{failure}"),
        Ok(()) => {}
    }
    result
}

fn dispatch(ctx: &Context, command: Command) -> Result<(), Failure> {
    match command {
        Command::Tui(args) => tui::run(ctx, &ctx.db_path()?, &args),
        Command::Demo(args) => demo::run(ctx, &args),
        Command::Calc(args) => calc::run(ctx, &args),
        Command::Hr(command) => hr::run(ctx, command),
        Command::Devices(args) => devices::run(&args),
        Command::Recommend(args) => recommend::run(ctx, &args),
        Command::Program(command) => program::run(ctx, command),
        Command::Deload(args) => deload::run(ctx, &args),
        Command::Report(args) => report::run(ctx, &args),
        Command::Context(args) => coach::run(ctx, &args),
        Command::Db(DbCommand::Check) => db::check(&ctx.db_path()?),
        Command::Db(DbCommand::Backup { file }) => db::backup(&ctx.db_path()?, &file),
        Command::Db(DbCommand::Path) => output::line(ctx.db_path()?.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn demo_defaults_are_one_year_seed_one() {
        let cli = Cli::try_parse_from(["ironpulse", "demo"]).unwrap();
        let Some(Command::Demo(args)) = cli.command else {
            panic!("expected demo, got {:?}", cli.command);
        };
        assert_eq!((args.years, args.seed, args.no_tui), (1, 1, false));
    }

    #[test]
    fn global_options_work_after_the_subcommand() {
        let cli = Cli::try_parse_from(["ironpulse", "db", "path", "--db", "/x.db"]).unwrap();
        assert_eq!(cli.db, Some(PathBuf::from("/x.db")));
        assert!(matches!(cli.command, Some(Command::Db(DbCommand::Path))));
    }

    #[test]
    fn demo_years_out_of_range_is_refused() {
        let err = Cli::try_parse_from(["ironpulse", "demo", "--years", "0"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
