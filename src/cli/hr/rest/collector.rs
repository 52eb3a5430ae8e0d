//! What a resting reading collects from the heart-rate events, and the verdict at the end: the
//! figures, or the one reason there are none.

use std::time::Duration;

use ironpulse::core::heart::hrm::Contact;
use ironpulse::core::heart::hrv::{ArtefactFilter, clean, rmssd, sdnn};
use ironpulse::core::units::Bpm;
use ironpulse::hr::HrEvent;
use ironpulse::hr::replay::END_OF_RECORDING;

use super::super::stream::Stop;

/// Fewest clean beats a reading may use.
pub const MIN_BEATS: usize = 30;
/// A strap that has sent no RR interval after this long (source time) never will.
pub const NO_RR_GIVE_UP: Duration = Duration::from_secs(30);
/// The start of the message for a reading with too few clean beats.
pub const TOO_MANY_ARTEFACTS: &str = "too many artefacts — check the strap's contact and lie still";

/// The RR intervals of one reading as they arrive, measured from the first sample for
/// `duration` of source time.
#[derive(Debug, Clone)]
pub struct Collector {
    duration: Duration,
    first_at: Option<Duration>,
    last_at: Option<Duration>,
    bpm: Option<Bpm>,
    rr_ms: Vec<f64>,
    /// RR intervals that came while the strap reported no skin contact: not used.
    no_contact: usize,
    live: ArtefactFilter,
    clean_so_far: usize,
    /// Why the link is down, while it is.
    link_down: Option<String>,
    finished: bool,
    gave_up_without_rr: bool,
}

/// A finished reading's figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured {
    pub rmssd_ms: f64,
    pub sdnn_ms: f64,
    /// From the mean clean RR interval.
    pub mean_bpm: f64,
    /// Clean RR intervals used.
    pub beats: usize,
    /// Intervals left out: artefacts and those sent without skin contact.
    pub dropped: usize,
    pub duration: Duration,
}

/// Why a reading produced nothing to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Ctrl-C.
    Interrupted,
    /// No heart rate ever came: the reason the source gave, if it gave one.
    NoHeartRate(Option<String>),
    /// Anything else, with the message for the lifter.
    Failed(String),
}

impl Collector {
    /// A reading that lasts `duration` from its first sample.
    pub fn new(duration: Duration) -> Self {
        Collector {
            duration,
            first_at: None,
            last_at: None,
            bpm: None,
            rr_ms: Vec::new(),
            no_contact: 0,
            live: ArtefactFilter::default(),
            clean_so_far: 0,
            link_down: None,
            finished: false,
            gave_up_without_rr: false,
        }
    }

    /// Takes one event; `false` once the reading is complete (or hopeless) and the stream can stop.
    pub fn event(&mut self, event: &HrEvent) -> bool {
        match event {
            HrEvent::Sample {
                at,
                bpm,
                rr_ms,
                contact,
                ..
            } => return self.sample(*at, *bpm, rr_ms, *contact),
            HrEvent::Connected { .. } => self.link_down = None,
            HrEvent::Disconnected { reason } => self.link_down = Some(reason.clone()),
            _ => {}
        }
        true
    }

    fn sample(&mut self, at: Duration, bpm: Option<Bpm>, rr_ms: &[f64], contact: Contact) -> bool {
        let first = *self.first_at.get_or_insert(at);
        let into = at.saturating_sub(first);
        if into > self.duration {
            self.finished = true;
            return false;
        }
        self.last_at = Some(at);
        self.bpm = bpm;
        self.link_down = None;
        if contact == Contact::NotDetected {
            self.no_contact += rr_ms.len();
        } else {
            for &rr in rr_ms {
                self.rr_ms.push(rr);
                if self.live.accept(rr) {
                    self.clean_so_far += 1;
                }
            }
        }
        if self.intervals() == 0 && into >= NO_RR_GIVE_UP {
            self.gave_up_without_rr = true;
            return false;
        }
        self.finished = into == self.duration;
        !self.finished
    }

    /// Every RR interval received, used or not.
    fn intervals(&self) -> usize {
        self.rr_ms.len() + self.no_contact
    }

    /// Time left, once the first sample has arrived.
    pub fn left(&self) -> Option<Duration> {
        let into = self.last_at?.saturating_sub(self.first_at?);
        Some(self.duration.saturating_sub(into))
    }

    /// Source time into the reading of the latest sample.
    pub fn elapsed(&self) -> Option<Duration> {
        Some(self.last_at?.saturating_sub(self.first_at?))
    }

    /// The latest heart rate.
    pub fn bpm(&self) -> Option<Bpm> {
        self.bpm
    }

    /// Clean beats so far (the artefact filter run live).
    pub fn clean_beats(&self) -> usize {
        self.clean_so_far
    }

    /// The figures, or why there are none. `source` names the strap in messages.
    pub fn verdict(&self, stop: Stop, source: &str) -> Result<Measured, Problem> {
        if stop == Stop::Interrupted && !self.finished {
            return Err(Problem::Interrupted);
        }
        let failed = |message: String| Err(Problem::Failed(message));
        if self.intervals() == 0 && (self.finished || self.gave_up_without_rr) {
            return failed(format!(
                "{source} sends heart rate but no RR intervals, which HRV is computed from: \
                 use a strap that sends them (most chest straps do)"
            ));
        }
        if self.first_at.is_none() {
            let reason = self.link_down.as_ref().filter(|r| *r != END_OF_RECORDING);
            return Err(Problem::NoHeartRate(reason.cloned()));
        }
        if !self.finished {
            return failed(self.incomplete(source));
        }
        let cleaned = clean(&self.rr_ms);
        let beats = cleaned.intervals.len();
        let total = self.intervals();
        if beats < MIN_BEATS || beats * 2 < total {
            return failed(format!(
                "{TOO_MANY_ARTEFACTS} ({beats} of {total} beats clean; a reading needs at least \
                 {MIN_BEATS} and half of them)"
            ));
        }
        let (Some(rmssd_ms), Some(sdnn_ms)) = (rmssd(&cleaned.intervals), sdnn(&cleaned.intervals))
        else {
            return failed(format!("{TOO_MANY_ARTEFACTS} (only {beats} clean beats)"));
        };
        if rmssd_ms <= 0.0 {
            return failed(format!(
                "the {beats} RR intervals are all the same, which a real heart never does: \
                 check the strap or the recording"
            ));
        }
        let mean_rr = cleaned.intervals.iter().sum::<f64>() / beats as f64;
        Ok(Measured {
            rmssd_ms,
            sdnn_ms,
            mean_bpm: 60_000.0 / mean_rr,
            beats,
            dropped: cleaned.dropped + self.no_contact,
            duration: self.duration,
        })
    }

    /// Why a reading that had begun stopped early.
    fn incomplete(&self, source: &str) -> String {
        let secs = self.duration.as_secs();
        let at = clock(self.elapsed().unwrap_or_default());
        match &self.link_down {
            Some(reason) if reason == END_OF_RECORDING => format!(
                "the recording ends {at} into the reading, before its {secs} s: pass a shorter \
                 --duration (60 s at least) or replay a longer recording"
            ),
            Some(reason) => format!(
                "the strap disconnected {at} into the reading ({reason}) and did not come back \
                 in time: nothing was saved; check the strap and try again"
            ),
            None => format!(
                "only {at} of the {secs} s reading arrived from {source}: nothing was saved; \
                 try again"
            ),
        }
    }
}

/// `2:05`.
pub fn clock(d: Duration) -> String {
    let secs = d.as_secs();
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(at_s: u64, rr_ms: Vec<f64>) -> HrEvent {
        HrEvent::Sample {
            at: Duration::from_secs(at_s),
            bpm: Bpm::try_from(60).ok(),
            rr_ms,
            contact: Contact::Detected,
            energy_kj: None,
        }
    }

    /// One sample a second from 1 s, each with one RR interval from `rr(second)`.
    fn feed(c: &mut Collector, seconds: u64, rr: impl Fn(u64) -> Vec<f64>) -> bool {
        let mut going = true;
        for s in 1..=seconds {
            going = c.event(&sample(s, rr(s)));
            if !going {
                break;
            }
        }
        going
    }

    #[test]
    fn a_steady_alternating_heart_gives_the_task_force_figures() {
        // 1000, 1010, 1000, … : every successive difference is 10 ms, so RMSSD = 10; the mean is
        // 1005 (59.7 bpm).
        let mut c = Collector::new(Duration::from_secs(60));
        let going = feed(&mut c, 61, |s| {
            vec![if s % 2 == 0 { 1010.0 } else { 1000.0 }]
        });
        assert!(!going, "stops at the end");
        assert_eq!(c.clean_beats(), 61, "seconds 1 to 61 inclusive");
        let m = c.verdict(Stop::Consumer, "the strap").unwrap();
        assert!((m.rmssd_ms - 10.0).abs() < 1e-9);
        assert_eq!((m.beats, m.dropped), (61, 0));
        // 31 of 1000 and 30 of 1010: mean 1004.918; SDNN = √(Σ(x − mean)² / 60) = 5.0408.
        assert!((m.sdnn_ms - 5.0408).abs() < 1e-4, "{}", m.sdnn_ms);
        assert!((m.mean_bpm - 60_000.0 / 1004.918).abs() < 1e-3);
        assert_eq!(m.duration, Duration::from_secs(60));
    }

    #[test]
    fn samples_after_the_end_are_not_used() {
        let mut c = Collector::new(Duration::from_secs(60));
        assert!(c.event(&sample(5, vec![1000.0])));
        assert_eq!(c.left(), Some(Duration::from_secs(60)));
        assert!(c.event(&sample(64, vec![1010.0])));
        assert_eq!(c.left(), Some(Duration::from_secs(1)));
        assert!(!c.event(&sample(66, vec![990.0])), "66 s is past 5 + 60");
        assert_eq!(c.clean_beats(), 2);
    }

    #[test]
    fn no_rr_gives_up_after_thirty_seconds() {
        let mut c = Collector::new(Duration::from_secs(180));
        assert!(!feed(&mut c, 100, |_| Vec::new()));
        assert_eq!(c.elapsed(), Some(NO_RR_GIVE_UP));
        let Err(Problem::Failed(message)) = c.verdict(Stop::Consumer, "Polar H10") else {
            panic!("no RR must fail");
        };
        assert!(
            message.starts_with("Polar H10 sends heart rate but no RR intervals"),
            "{message}"
        );
    }

    #[test]
    fn heavy_artefacts_fail_with_the_counts() {
        // Two intervals a second; every even second the second one is a missed beat (2000 ms, a
        // 98 % jump): 30 of 122 dropped still leaves enough.
        let mut c = Collector::new(Duration::from_secs(60));
        feed(&mut c, 61, |s| {
            if s % 2 == 0 {
                vec![1010.0, 2000.0]
            } else {
                vec![1000.0, 1000.0]
            }
        });
        let m = c.verdict(Stop::Consumer, "x").unwrap();
        assert_eq!((m.beats, m.dropped), (92, 30));
        // 1900 (+90 %) and 500 (−50 %) are dropped every second: 61 clean of 183 is under half.
        let mut c = Collector::new(Duration::from_secs(60));
        feed(&mut c, 61, |_| vec![1000.0, 1900.0, 500.0]);
        let Err(Problem::Failed(message)) = c.verdict(Stop::Consumer, "x") else {
            panic!("must fail");
        };
        assert_eq!(
            message,
            "too many artefacts — check the strap's contact and lie still (61 of 183 beats \
             clean; a reading needs at least 30 and half of them)"
        );
    }

    #[test]
    fn intervals_without_skin_contact_count_as_dropped() {
        let mut c = Collector::new(Duration::from_secs(60));
        for s in 1..=61 {
            c.event(&HrEvent::Sample {
                at: Duration::from_secs(s),
                bpm: None,
                rr_ms: vec![1000.0 + (s % 2) as f64 * 8.0],
                contact: if s <= 10 {
                    Contact::NotDetected
                } else {
                    Contact::Detected
                },
                energy_kj: None,
            });
        }
        let m = c.verdict(Stop::Consumer, "x").unwrap();
        assert_eq!((m.beats, m.dropped), (51, 10));
    }

    #[test]
    fn constant_intervals_are_refused() {
        let mut c = Collector::new(Duration::from_secs(60));
        feed(&mut c, 61, |_| vec![1000.0]);
        assert!(
            matches!(c.verdict(Stop::Consumer, "x"), Err(Problem::Failed(m)) if m.contains("all the same"))
        );
    }

    #[test]
    fn each_early_stop_says_why() {
        let why = |c: &Collector, stop| match c.verdict(stop, "Bluetooth LE (H10)") {
            Err(Problem::Failed(message)) => message,
            other => panic!("{other:?}"),
        };
        let mut c = Collector::new(Duration::from_secs(60));
        assert_eq!(c.verdict(Stop::Interrupted, "x"), Err(Problem::Interrupted));
        assert_eq!(
            c.verdict(Stop::Duration, "x"),
            Err(Problem::NoHeartRate(None))
        );
        c.event(&HrEvent::Disconnected {
            reason: "Bluetooth unavailable: no Bluetooth adapter found".into(),
        });
        assert_eq!(
            c.verdict(Stop::SourceEnded, "x"),
            Err(Problem::NoHeartRate(Some(
                "Bluetooth unavailable: no Bluetooth adapter found".into()
            )))
        );
        let mut c = Collector::new(Duration::from_secs(60));
        c.event(&HrEvent::Disconnected {
            reason: "no strap found".into(),
        });
        assert_eq!(
            c.verdict(Stop::Duration, "x"),
            Err(Problem::NoHeartRate(Some("no strap found".into())))
        );
        feed(&mut c, 20, |_| vec![1000.0]);
        c.event(&HrEvent::Disconnected {
            reason: "the strap went out of range".into(),
        });
        c.event(&HrEvent::Reconnecting {
            attempt: 1,
            delay: Duration::from_secs(1),
        });
        assert!(
            why(&c, Stop::Duration).starts_with(
                "the strap disconnected 0:19 into the reading (the strap went out of range) and \
                 did not come back"
            ),
            "{}",
            why(&c, Stop::Duration)
        );
        c.event(&HrEvent::Disconnected {
            reason: END_OF_RECORDING.into(),
        });
        assert!(why(&c, Stop::SourceEnded).starts_with("the recording ends 0:19 into the reading"));
    }
}
