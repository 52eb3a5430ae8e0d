//! The heart-rate anchors `hr monitor` computes zones and hrTSS from: the profile in the database,
//! or the `--max/--rest/--lthr/--sex/--zones` flags with their defaults.

use std::path::Path;

use clap::Args;
use ironpulse::core::heart::load::LoadParams;
use ironpulse::core::heart::settings::HrSettings;
use ironpulse::core::heart::zones::ZoneModel;
use ironpulse::core::profile::Sex;
use ironpulse::core::profile::ZoneKind;
use ironpulse::core::units::Bpm;
use ironpulse::store::Store;
use serde_json::{Value, json};

use super::super::{Context, Failure};

const DEFAULT_MAX: u32 = 190;
const DEFAULT_REST: u32 = 60;
/// Without `--lthr`, the threshold is taken as this fraction of max (Friel: LTHR is typically
/// 85–92 % of max).
const DEFAULT_LTHR_OF_MAX: f64 = 0.9;

/// The flags that replace the profile.
#[derive(Debug, Args)]
pub struct AnchorArgs {
    /// Max heart rate [default: the profile's, else 190]
    #[arg(long = "max", value_name = "BPM")]
    max: Option<u32>,

    /// Resting heart rate [default: the profile's, else 60]
    #[arg(long = "rest", value_name = "BPM")]
    rest: Option<u32>,

    /// Lactate-threshold heart rate, for hrTSS [default: the profile's, else 90 % of max]
    #[arg(long = "lthr", value_name = "BPM")]
    lthr: Option<u32>,

    /// Sex, for the TRIMP weighting: m or f [default: the profile's, else m]
    #[arg(long = "sex", value_name = "m|f", value_parser = parse_sex)]
    sex: Option<Sex>,

    /// Zone model: karvonen, friel-run or friel-bike [default: the profile's, else karvonen]
    #[arg(long = "zones", value_name = "MODEL", value_parser = parse_zones)]
    zones: Option<ZoneKind>,
}

fn parse_zones(text: &str) -> Result<ZoneKind, String> {
    ZoneKind::parse_name(text)
        .ok_or_else(|| format!("zones must be karvonen, friel-run or friel-bike, got {text:?}"))
}

fn parse_sex(text: &str) -> Result<Sex, String> {
    Sex::from_code(text).ok_or_else(|| format!("sex must be m or f, got {text:?}"))
}

/// Where the anchors came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Profile,
    Flags,
    Defaults,
}

/// Checked anchors, ready for the zone model and the load.
#[derive(Debug, Clone, Copy)]
pub struct Anchors {
    pub max: Bpm,
    pub rest: Bpm,
    pub lthr: Option<Bpm>,
    pub sex: Sex,
    pub zones: ZoneKind,
    pub from: Origin,
}

impl Anchors {
    /// Flags if any was given, else the profile if the database has one, else the defaults.
    /// A database that exists but cannot be read is a warning, not a failure.
    pub fn resolve(ctx: &Context, args: &AnchorArgs) -> Result<Anchors, Failure> {
        let any_flag = args.max.is_some()
            || args.rest.is_some()
            || args.lthr.is_some()
            || args.sex.is_some()
            || args.zones.is_some();
        if any_flag {
            return Anchors::from_flags(args, Origin::Flags);
        }
        match read_profile(&ctx.db_path()?) {
            Ok(Some(p)) => Ok(Anchors {
                max: p.hr_max,
                rest: p.hr_rest,
                lthr: p.lthr,
                sex: p.sex,
                zones: p.zones,
                from: Origin::Profile,
            }),
            Ok(None) => Anchors::from_flags(args, Origin::Defaults),
            Err(reason) => {
                crate::cli::output::warn(format_args!(
                    "warning: {reason}; using the default heart-rate anchors"
                ));
                Anchors::from_flags(args, Origin::Defaults)
            }
        }
    }

    fn from_flags(args: &AnchorArgs, from: Origin) -> Result<Anchors, Failure> {
        let bpm = |value: u32, flag: &str| {
            Bpm::try_from(value).map_err(|err| Failure::Usage(format!("--{flag}: {err}")))
        };
        let max = bpm(args.max.unwrap_or(DEFAULT_MAX), "max")?;
        let rest = bpm(args.rest.unwrap_or(DEFAULT_REST), "rest")?;
        let lthr = match args.lthr {
            Some(lthr) => bpm(lthr, "lthr")?,
            None => Bpm::saturating(f64::from(max.get()) * DEFAULT_LTHR_OF_MAX),
        };
        Ok(Anchors {
            max,
            rest,
            lthr: Some(lthr),
            sex: args.sex.unwrap_or(Sex::Male),
            zones: args.zones.unwrap_or_default(),
            from,
        })
    }

    /// The chosen zone model and the load parameters; inconsistent anchors (or Friel zones
    /// without an LTHR) are a usage error.
    pub fn models(&self) -> Result<(ZoneModel, LoadParams), Failure> {
        let usage = |err: &dyn std::error::Error| Failure::Usage(err.to_string());
        let settings = HrSettings {
            max: self.max,
            rest: self.rest,
            lthr: self.lthr,
            zones: self.zones,
        };
        let zones = settings.zone_model().map_err(|e| usage(&e))?;
        let load =
            LoadParams::new(self.rest, self.max, self.lthr, self.sex).map_err(|e| usage(&e))?;
        Ok((zones, load))
    }

    /// The `config` line's fields.
    pub fn to_json(self) -> Value {
        let from = match self.from {
            Origin::Profile => "profile",
            Origin::Flags => "flags",
            Origin::Defaults => "defaults",
        };
        json!({
            "from": from,
            "lthr": self.lthr.map(Bpm::get),
            "max": self.max.get(),
            "rest": self.rest.get(),
            "sex": self.sex.code(),
            "zones": self.zones.code(),
        })
    }

    /// `karvonen zones, max 190, rest 60, LTHR 171, sex m (defaults: …)`.
    pub fn describe(self) -> String {
        let from = match self.from {
            Origin::Profile => "from your profile",
            Origin::Flags => "from the flags",
            Origin::Defaults => "defaults: set a profile or pass --max/--rest/--lthr/--zones",
        };
        let lthr = self.lthr.map_or_else(
            || "no LTHR, so no hrTSS".to_owned(),
            |l| format!("LTHR {}", l.get()),
        );
        format!(
            "{} zones, max {}, rest {}, {lthr}, sex {} ({from})",
            self.zones.label(),
            self.max.get(),
            self.rest.get(),
            self.sex.code()
        )
    }
}

/// The profile from an existing database; a missing file means no profile (nothing is created).
fn read_profile(db: &Path) -> Result<Option<ironpulse::core::profile::Profile>, String> {
    if !db.exists() {
        return Ok(None);
    }
    let store = Store::open(db)
        .map_err(|err| format!("cannot read the profile from {}: {err}", db.display()))?;
    store
        .profile()
        .map_err(|err| format!("cannot read the profile from {}: {err}", db.display()))
}
