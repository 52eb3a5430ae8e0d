//! Live heart rate as one type: each sample in, the reading out (bpm, zone, the session's
//! figures from the [`Meter`], the chart's last ten minutes), and while a session runs, what goes
//! to the store and each set's heart rate once settled ([`SessionLog`]). Pure: the wall clock
//! and the session's start are parameters. The TUI and `hr monitor` share it.

mod chart;
mod session_log;
#[cfg(test)]
mod tests;

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

pub use chart::{CHART_WINDOW, Chart};
pub use session_log::{
    Batch, Handed, KEEP_MS, LeftUnsaved, Notice, RETRY, SETTLE_MS, SessionLog, UNSAVED_MS,
    after_the_session,
};

use crate::core::heart::hrm::Contact;
use crate::core::heart::load::LoadParams;
use crate::core::heart::meter::Meter;
use crate::core::heart::sample::GapReason;
use crate::core::heart::settings::HrSettings;
use crate::core::heart::zones::{Zone, ZoneModel};
use crate::core::profile::Profile;
use crate::core::units::Bpm;

/// What heart rate is measured against: the zone model and, for hrTSS, the load anchors.
#[derive(Debug, Clone)]
pub struct Models {
    zones: ZoneModel,
    load: Option<LoadParams>,
}

impl Models {
    pub fn new(zones: ZoneModel, load: Option<LoadParams>) -> Self {
        Models { zones, load }
    }

    /// The profile's zone model (Karvonen or Friel's, as a new session snapshots it) and load
    /// anchors; `None` when its anchors cannot give zones (e.g. Friel without an LTHR).
    pub fn of(profile: &Profile) -> Option<Models> {
        let zones = HrSettings::from_profile(profile).zone_model().ok()?;
        let load = LoadParams::new(profile.hr_rest, profile.hr_max, profile.lthr, profile.sex).ok();
        Some(Models { zones, load })
    }

    /// A meter for a new session, when the anchors give a load.
    fn meter(&self) -> Option<Meter> {
        Some(Meter::new(self.zones, self.load?))
    }
}

/// One notification, as a source reports it.
#[derive(Debug, Clone, Copy)]
pub struct Sample<'a> {
    /// Source time: since the source started.
    pub at: Duration,
    /// `None` when the strap sent a value outside 20–250 bpm.
    pub bpm: Option<Bpm>,
    pub rr_ms: &'a [f64],
    pub contact: Contact,
}

/// When and against what a sample is taken: the wall clock, the running session's start (if a
/// session runs) and the models (if there is a profile).
#[derive(Debug, Clone, Copy)]
pub struct Moment<'a> {
    pub now: DateTime<Utc>,
    pub session_start: Option<DateTime<Utc>>,
    pub models: Option<&'a Models>,
}

/// Live heart rate: the latest reading, the session's figures, the chart and the session log.
#[derive(Debug, Clone, Default)]
pub struct LiveHr {
    bpm: Option<Bpm>,
    zone: Option<Zone>,
    contact: Option<Contact>,
    /// Readings outside 20–250 bpm sent while the strap had (or did not report) skin contact.
    out_of_range: u32,
    hr_tss: Option<f64>,
    rmssd: Option<f64>,
    /// Figures for the running session; `None` without anchors or a session.
    meter: Option<Meter>,
    chart: Chart,
    /// Wall-clock time of the source's zero, to place sets on the chart.
    origin: Option<DateTime<Utc>>,
    log: SessionLog,
}

impl LiveHr {
    /// Measuring from the first sample on, without a session (`hr monitor`).
    pub fn measuring(models: &Models) -> Self {
        LiveHr {
            meter: models.meter(),
            ..LiveHr::default()
        }
    }

    /// A sample arrived. Without skin contact its value is unreliable and adds nothing. While a
    /// session runs it goes to the session log: what to hand to the store comes back.
    pub fn sample(&mut self, sample: Sample, moment: Moment) -> Handed {
        self.contact = Some(sample.contact);
        if self.origin.is_none() {
            self.origin = TimeDelta::from_std(sample.at).ok().map(|d| moment.now - d);
        }
        if sample.bpm.is_none() && sample.contact != Contact::NotDetected {
            self.out_of_range += 1;
        }
        let bpm = sample
            .bpm
            .filter(|_| sample.contact != Contact::NotDetected);
        if self.meter.is_none() && moment.session_start.is_some() {
            self.meter = moment.models.and_then(Models::meter);
        }
        let rr: &[f64] = if bpm.is_some() { sample.rr_ms } else { &[] };
        if let Some(meter) = &mut self.meter {
            let reading = meter.sample(sample.at, bpm, rr);
            self.zone = reading.zone;
            self.hr_tss = reading.hr_tss;
            self.rmssd = reading.rmssd;
        } else {
            self.zone = moment.models.zip(bpm).map(|(a, b)| a.zones.zone_of(b));
        }
        self.bpm = bpm;
        self.chart.push(sample.at, bpm);
        match self.offset(sample.at, moment.session_start) {
            Some(offset) => self.log.sample(offset, bpm, rr, moment.now),
            None => Handed::default(),
        }
    }

    /// The strap reported it lost skin contact.
    pub fn contact_lost(&mut self) {
        self.contact = Some(Contact::NotDetected);
    }

    /// The strap went silent or the link dropped: no value, and a gap until the next sample.
    pub fn lost(&mut self, reason: GapReason) {
        self.bpm = None;
        self.log.gap(reason);
    }

    /// A session started: its figures and log start empty.
    pub fn session_started(&mut self) {
        self.meter = None;
        self.log = SessionLog::default();
    }

    /// The session ended `length_ms` after it started: its figures stop; heart rate still
    /// waiting for the disk becomes a gap to the end.
    pub fn session_over(&mut self, length_ms: Option<u32>) -> Option<LeftUnsaved> {
        self.meter = None;
        self.log.session_over(length_ms)
    }

    /// Source time of a wall-clock moment, if the source has started.
    pub fn source_time(&self, at: DateTime<Utc>) -> Option<Duration> {
        (at - self.origin?).to_std().ok()
    }

    /// Milliseconds since the session started for a source time, while a session runs.
    fn offset(&self, at: Duration, session_start: Option<DateTime<Utc>>) -> Option<u32> {
        let when = self.origin? + TimeDelta::from_std(at).ok()?;
        u32::try_from((when - session_start?).num_milliseconds()).ok()
    }

    /// The latest heart rate (`None` without contact, after a silence or a lost link).
    pub fn bpm(&self) -> Option<Bpm> {
        self.bpm
    }

    pub fn zone(&self) -> Option<Zone> {
        self.zone
    }

    pub fn contact(&self) -> Option<Contact> {
        self.contact
    }

    /// Readings thrown away for being outside 20–250 bpm while the strap had contact.
    pub fn out_of_range(&self) -> u32 {
        self.out_of_range
    }

    /// hrTSS so far (`None` without an LTHR).
    pub fn hr_tss(&self) -> Option<f64> {
        self.hr_tss
    }

    /// RMSSD of the last clean RR intervals.
    pub fn rmssd(&self) -> Option<f64> {
        self.rmssd
    }

    /// The running session's figures.
    pub fn meter(&self) -> Option<&Meter> {
        self.meter.as_ref()
    }

    pub fn chart(&self) -> &Chart {
        &self.chart
    }

    pub fn log(&self) -> &SessionLog {
        &self.log
    }

    /// The session log, for what the store says about heart rate and the sets logged.
    pub fn log_mut(&mut self) -> &mut SessionLog {
        &mut self.log
    }
}
