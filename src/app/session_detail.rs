//! A past session with everything its detail screen shows, read in one store request: the sets,
//! the session's heart rate (chart points, gaps, rests between sets, time in zones and the
//! stored figures), each set's heart rate, and each exercise's previous performance. The
//! comparison with that previous performance is worked out here so the screen only draws it.

use std::collections::HashMap;

use crate::core::e1rm::Formula;
use crate::core::exercise::ExerciseId;
use crate::core::history::{Performance, PerformanceSummary, summarise};
use crate::core::hr_sample::{HrGap, HrSample};
use crate::core::hr_settings::{HrSettings, ZoneKind};
use crate::core::hr_summary::HrSummary;
use crate::core::session::{Session, SessionId, SetId};
use crate::core::set_hr::{SetHr, set_start};
use crate::core::zones::Zone;
use crate::store::{Store, StoreError};

use super::state::{Detail, DetailView};

/// One past session and what its detail screen shows besides the sets.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionDetail {
    pub session: Session,
    /// The session's heart rate; `None` when none was recorded.
    pub hr: Option<DetailHr>,
    /// The heart rate of each set that has one.
    pub set_hr: HashMap<SetId, SetHr>,
    /// Each exercise's last earlier performance, in the order first done in the session
    /// (exercises done for the first time are left out).
    pub previous: Vec<(ExerciseId, PerformanceSummary)>,
}

/// A session's heart rate, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailHr {
    /// `(ms since the session started, bpm)`, in time order.
    pub points: Vec<(u32, u16)>,
    /// Recorded drop-outs: the chart leaves them empty.
    pub gaps: Vec<HrGap>,
    /// Rests between sets, `(from, to)` in ms since the start: from a set's end to where the
    /// next one began (the lowest heart rate in the two minutes before it ended).
    pub rests: Vec<(u32, u32)>,
    /// The stored summary (average, max, TRIMP, hrTSS, RMSSD); `None` until the session is
    /// finished.
    pub summary: Option<HrSummary>,
    /// The zone model the session was recorded with.
    pub model: Option<ZoneKind>,
    /// Time in each zone of that model, lowest zone first.
    pub zones: Vec<ZoneTime>,
}

/// Time spent in one zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZoneTime {
    pub zone: Zone,
    pub seconds: u32,
    /// Share of the time with heart rate, 0–100.
    pub percent: f64,
}

/// One exercise now against the last time it was done.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub exercise: ExerciseId,
    pub before: PerformanceSummary,
    pub now: PerformanceSummary,
    /// Top-set weight now minus before, in kg.
    pub top_set_kg: Option<f64>,
    pub e1rm: Option<Change>,
    pub volume: Option<Change>,
}

/// How much a number moved: in kg (kg × reps for volume) and in percent of the old value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub kg: f64,
    /// `None` when the old value was 0.
    pub percent: Option<f64>,
}

impl Change {
    fn between(before: f64, now: f64) -> Change {
        Change {
            kg: now - before,
            percent: (before > 0.0).then(|| (now - before) / before * 100.0),
        }
    }
}

impl SessionDetail {
    /// Reads session `id` with its heart rate, its sets' heart rate and the previous
    /// performance of each of its exercises. Reads one session's samples, never more.
    pub fn read(store: &Store, id: SessionId) -> Result<SessionDetail, StoreError> {
        let session = store.session(id)?.ok_or(StoreError::NotFound {
            what: "session",
            id: id.0,
        })?;
        let recorded = store.session_hr(id)?;
        let hr = if recorded.samples.is_empty() {
            None
        } else {
            let summary = store.hr_summary(id)?;
            let settings = store.hr_settings(id)?;
            Some(DetailHr {
                rests: rests(&session, &recorded.samples),
                zones: zone_times(summary.as_ref(), settings.as_ref()),
                points: recorded
                    .samples
                    .iter()
                    .map(|s| (s.offset_ms, s.bpm.get()))
                    .collect(),
                gaps: recorded.gaps,
                summary,
                model: settings.map(|s| s.zones),
            })
        };
        let set_hr = store
            .session_set_hr(id)?
            .into_iter()
            .filter(|(_, hr)| *hr != SetHr::default())
            .collect();
        Ok(SessionDetail {
            hr,
            set_hr,
            previous: store.previous_performances(id)?,
            session,
        })
    }
}

impl Detail {
    /// The detail screen of a freshly loaded session, on the sets view.
    pub fn new(detail: SessionDetail, pinned: Option<Formula>) -> Detail {
        Detail {
            comparisons: compare(&detail.session, &detail.previous, pinned),
            session: detail.session,
            selected: 0,
            edit: None,
            view: DetailView::Sets,
            hr: detail.hr.map(Box::new),
            set_hr: detail.set_hr,
            previous: detail.previous,
        }
    }

    /// The session after an edit: the comparison follows it.
    pub fn replace_session(&mut self, session: Session, pinned: Option<Formula>) {
        self.comparisons = compare(&session, &self.previous, pinned);
        self.selected = self.selected.min(session.set_count().saturating_sub(1));
        self.edit = None;
        self.session = session;
    }
}

/// Each exercise of `session` that was done before, now against then (`pinned`: the lifter's
/// e1RM formula, as the stored figures use it).
pub fn compare(
    session: &Session,
    previous: &[(ExerciseId, PerformanceSummary)],
    pinned: Option<Formula>,
) -> Vec<Comparison> {
    previous
        .iter()
        .map(|(exercise, before)| {
            let sets = session
                .slots
                .iter()
                .filter(|slot| slot.exercise == *exercise)
                .flat_map(|slot| slot.sets.iter().map(|s| s.spec))
                .collect();
            let now = summarise(
                &Performance {
                    session: session.id,
                    started_at: session.started_at,
                    sets,
                },
                pinned,
            );
            let top_set_kg = now
                .top_set
                .zip(before.top_set)
                .map(|(n, b)| n.weight.kg() - b.weight.kg());
            let e1rm = now
                .e1rm
                .zip(before.e1rm)
                .map(|(n, b)| Change::between(b.kg(), n.kg()));
            let volume = (now.volume_kg > 0.0 || before.volume_kg > 0.0)
                .then(|| Change::between(before.volume_kg, now.volume_kg));
            Comparison {
                exercise: *exercise,
                before: before.clone(),
                now,
                top_set_kg,
                e1rm,
                volume,
            }
        })
        .collect()
}

/// Time in each zone of the session's model, with its share; empty without a summary.
fn zone_times(summary: Option<&HrSummary>, settings: Option<&HrSettings>) -> Vec<ZoneTime> {
    let Some(summary) = summary else {
        return Vec::new();
    };
    let total: u32 = summary.zone_seconds.iter().sum();
    let share = |seconds: u32| {
        if total == 0 {
            0.0
        } else {
            f64::from(seconds) / f64::from(total) * 100.0
        }
    };
    match settings.and_then(|s| s.zone_model().ok()) {
        Some(model) => model
            .bands()
            .iter()
            .zip(summary.zone_seconds)
            .map(|(band, seconds)| ZoneTime {
                zone: band.zone,
                seconds,
                percent: share(seconds),
            })
            .collect(),
        // Without the settings the zones have no names; the stored seconds still say where
        // the time went.
        None => summary
            .zone_seconds
            .iter()
            .enumerate()
            .filter(|(_, seconds)| **seconds > 0)
            .map(|(i, seconds)| ZoneTime {
                zone: Zone {
                    index: i as u8,
                    label: ZONE_LABELS.get(i).copied().unwrap_or("Z?"),
                    name: "",
                },
                seconds: *seconds,
                percent: share(*seconds),
            })
            .collect(),
    }
}

const ZONE_LABELS: [&str; 7] = ["Z0", "Z1", "Z2", "Z3", "Z4", "Z5", "Z6"];

/// The rests between the session's sets, in time order: from each set's end to where the next
/// began ([`set_start`], the rule the live session uses too).
fn rests(session: &Session, samples: &[HrSample]) -> Vec<(u32, u32)> {
    let mut ends: Vec<u32> = session
        .sets()
        .filter_map(|(_, set)| {
            u32::try_from((set.completed_at - session.started_at).num_milliseconds()).ok()
        })
        .collect();
    ends.sort_unstable();
    ends.windows(2)
        .filter_map(|pair| {
            let (rest_from, end) = (pair[0], pair[1]);
            let start = set_start(samples, rest_from, end);
            (start > rest_from).then_some((rest_from, start))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration};

    use super::*;
    use crate::core::session::{LoggedSet, SessionStatus, Slot, SlotId};
    use crate::core::set::{Effort, Load, SetKind, SetSpec};
    use crate::core::units::{Bpm, Reps, Rpe, Weight};

    fn spec(kg: f64, reps: u32) -> SetSpec {
        SetSpec {
            kind: SetKind::Working,
            load: Load::External(Weight::from_kg(kg).unwrap()),
            reps: Some(Reps::try_from(reps).unwrap()),
            effort: Some(Effort::Rpe(Rpe::try_from(8.0).unwrap())),
            duration: None,
        }
    }

    fn session(sets: &[(f64, u32, i64)]) -> Session {
        let start = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        Session {
            id: SessionId(9),
            started_at: start,
            ended_at: None,
            status: SessionStatus::Finished,
            title: "Workout".into(),
            rpe: None,
            notes: String::new(),
            slots: vec![Slot {
                id: SlotId(1),
                exercise: ExerciseId(1),
                name: "Back Squat".into(),
                superset: None,
                notes: String::new(),
                sets: sets
                    .iter()
                    .enumerate()
                    .map(|(i, &(kg, reps, at))| LoggedSet {
                        id: SetId(i as i64 + 1),
                        spec: spec(kg, reps),
                        completed_at: start + Duration::seconds(at),
                    })
                    .collect(),
            }],
        }
    }

    fn sample(second: u32, bpm: u32) -> HrSample {
        HrSample {
            offset_ms: second * 1000,
            bpm: Bpm::try_from(bpm).unwrap(),
            rr: Vec::new(),
        }
    }

    #[test]
    fn a_rest_runs_from_a_sets_end_to_the_lowest_heart_rate_before_the_next_end() {
        let s = session(&[(100.0, 5, 60), (100.0, 5, 240)]);
        // HR falls after the first set, bottoms out at 200 s (100 bpm), climbs to the next end.
        let samples: Vec<HrSample> = (50..=250)
            .map(|t| {
                let bpm = if t <= 200 {
                    150 - (t - 50) / 3
                } else {
                    100 + (t - 200)
                };
                sample(t, bpm)
            })
            .collect();
        assert_eq!(samples[150].bpm.get(), 100);
        assert_eq!(rests(&s, &samples), vec![(60_000, 200_000)]);
        // Without heart rate between the sets the next one is taken to have lasted 30 s.
        assert_eq!(rests(&s, &[]), vec![(60_000, 210_000)]);
    }

    #[test]
    fn the_comparison_gives_the_change_in_kg_and_percent() {
        let before_session = session(&[(100.0, 5, 60), (100.0, 5, 240)]);
        let before = summarise(
            &Performance {
                session: SessionId(3),
                started_at: before_session.started_at,
                sets: before_session.slots[0]
                    .sets
                    .iter()
                    .map(|s| s.spec)
                    .collect(),
            },
            None,
        );
        let now = session(&[(102.5, 5, 60), (102.5, 5, 240)]);
        let [c] = compare(&now, &[(ExerciseId(1), before)], None)
            .try_into()
            .unwrap();
        assert!((c.top_set_kg.unwrap() - 2.5).abs() < 1e-9);
        let volume = c.volume.unwrap();
        // 2 × 5 × 100 = 1000 → 2 × 5 × 102.5 = 1025: +25 kg, +2.5 %.
        assert!((volume.kg - 25.0).abs() < 1e-9, "{volume:?}");
        assert!((volume.percent.unwrap() - 2.5).abs() < 1e-9, "{volume:?}");
        // The same reps and RPE at 2.5 % more weight estimate 2.5 % more.
        let e1rm = c.e1rm.unwrap();
        assert!((e1rm.percent.unwrap() - 2.5).abs() < 1e-6, "{e1rm:?}");
    }

    #[test]
    fn zone_shares_add_up_and_keep_the_models_labels() {
        let summary = HrSummary {
            avg_bpm: 120.0,
            max_bpm: Bpm::try_from(160).unwrap(),
            seconds: 600,
            trimp: 20.0,
            hr_tss: None,
            rmssd_ms: None,
            rr_dropped: 0,
            zone_seconds: [0, 300, 150, 150, 0, 0, 0],
        };
        let settings = HrSettings {
            max: Bpm::try_from(190).unwrap(),
            rest: Bpm::try_from(50).unwrap(),
            lthr: None,
            zones: ZoneKind::Karvonen,
        };
        let zones = zone_times(Some(&summary), Some(&settings));
        assert_eq!(zones.len(), 6, "Karvonen: Z0–Z5");
        assert_eq!(zones[1].zone.label, "Z1");
        assert_eq!(
            zones.iter().map(|z| z.percent).collect::<Vec<_>>(),
            vec![0.0, 50.0, 25.0, 25.0, 0.0, 0.0]
        );
        // No settings: only the zones with time, by index.
        let bare = zone_times(Some(&summary), None);
        assert_eq!(
            bare.iter().map(|z| z.zone.label).collect::<Vec<_>>(),
            vec!["Z1", "Z2", "Z3"]
        );
    }
}
