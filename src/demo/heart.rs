//! Heart rate for the demo: the simulator's heart ([`SimModel`]) driven through each planned
//! session — work during every set at a pace set by its load, recovery in the rests — at 1 Hz
//! with RR intervals, the odd strap drop-out recorded as a gap, and each set's HR and the
//! session summary worked out by the same core functions the app uses.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::plan::SessionPlan;
use crate::core::heart::load::LoadParams;
use crate::core::heart::sample::{GapReason, HrGap, HrSample, Rr};
use crate::core::heart::set_hr::{SetWindow, set_hr};
use crate::core::heart::settings::{HrSettings, HrSettingsError};
use crate::core::heart::summary::summarise;
use crate::core::heart::zones::ZoneModel;
use crate::core::profile::Profile;
use crate::core::rng::Rng;
use crate::core::workout::session::SessionId;
use crate::hr::sim::{SimModel, SimParams};
use crate::store::{HistoryHr, Store, StoreError};

/// Share of sessions with a strap drop-out.
const DROPOUT_CHANCE: f64 = 0.04;
/// Chance per beat that the strap misses it (an RR artefact for the filter to catch).
const ARTEFACT_RATE: f64 = 0.002;
/// Sessions whose heart rate is written in one transaction (~200,000 samples).
const SESSIONS_PER_TRANSACTION: usize = 50;

/// What every session's heart rate is simulated and summarised with.
#[derive(Debug, Clone, Copy)]
pub struct HeartSetup {
    pub settings: HrSettings,
    pub load: LoadParams,
    pub zones: ZoneModel,
    /// The demo's seed.
    pub seed: u64,
}

impl HeartSetup {
    /// The profile's heart-rate settings (Karvonen zones) and the demo's seed.
    pub fn new(profile: &Profile, seed: u64) -> Result<HeartSetup, HrSettingsError> {
        let settings = HrSettings::from_profile(profile);
        Ok(HeartSetup {
            settings,
            load: settings.load_params(profile.sex)?,
            zones: settings.zone_model()?,
            seed,
        })
    }
}

/// Simulates and writes the heart rate of every planned session, stored as `ids` (in plan
/// order), a batch of sessions per transaction. Returns how many samples were written.
pub fn write(
    store: &Store,
    setup: &HeartSetup,
    plans: &[SessionPlan],
    ids: &[SessionId],
) -> Result<usize, StoreError> {
    let mut written = 0;
    let sessions: Vec<_> = plans.iter().zip(ids).enumerate().collect();
    for batch in sessions.chunks(SESSIONS_PER_TRANSACTION) {
        let hr: Vec<HistoryHr> = batch
            .iter()
            .map(|&(index, (plan, &id))| session_hr(setup, plan, index, id))
            .collect();
        written += store.insert_history_hr(&hr)?;
    }
    Ok(written)
}

/// The heart rate of planned session number `index`, stored as `session`. The same setup,
/// plan and index always give the same samples.
pub fn session_hr(
    setup: &HeartSetup,
    plan: &SessionPlan,
    index: usize,
    session: SessionId,
) -> HistoryHr {
    let mut rng = Rng::new(setup.seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let params = SimParams {
        rest: setup.settings.rest,
        max: setup.settings.max,
        artefact_rate: ARTEFACT_RATE,
        ..SimParams::default()
    };
    let mut model = SimModel::new(params, rng.next_u64());
    let start = plan.session.started_at;
    let seconds = |at: DateTime<Utc>| u32::try_from((at - start).num_seconds()).unwrap_or(0);
    let length = seconds(plan.session.ended_at);
    let gaps = dropout(length, &mut rng).into_iter().collect::<Vec<_>>();

    let mut samples = Vec::with_capacity(length as usize);
    let mut bouts = plan.bouts.iter().peekable();
    for second in 1..=length {
        while bouts.next_if(|b| seconds(b.ended_at) < second).is_some() {}
        let working = bouts.peek().filter(|b| seconds(b.started_at) < second);
        if let Some(bout) = working {
            // A warm-up at 30 % of the day's max drives ~50 % of reserve, a heavy set ~80 %.
            model.set_work_intensity((0.3 + 0.6 * bout.intensity).clamp(0.35, 0.95));
        }
        let (bpm, rr) = model.step(Duration::from_secs(1), working.is_some());
        let offset_ms = second * 1000;
        if gaps.iter().any(|g| g.covers(offset_ms)) {
            continue; // the strap sent nothing: the heart beat on, unrecorded
        }
        samples.push(HrSample {
            offset_ms,
            bpm,
            rr: rr.into_iter().filter_map(Rr::from_ms).collect(),
        });
    }

    let windows: Vec<SetWindow> = plan
        .bouts
        .iter()
        .enumerate()
        .map(|(i, bout)| SetWindow {
            start_ms: seconds(bout.started_at) * 1000,
            end_ms: seconds(bout.ended_at) * 1000,
            next_start_ms: plan.bouts.get(i + 1).map(|b| seconds(b.started_at) * 1000),
        })
        .collect();
    HistoryHr {
        session,
        settings: setup.settings,
        sets: windows
            .into_iter()
            .map(|w| set_hr(&samples, &gaps, w))
            .collect(),
        summary: summarise(&samples, &gaps, setup.load, setup.zones),
        samples,
        gaps,
    }
}

/// Now and then the strap loses the lifter for 15 s to 2 min.
fn dropout(length: u32, rng: &mut Rng) -> Option<HrGap> {
    if length < 600 || !rng.chance(DROPOUT_CHANCE) {
        return None;
    }
    let from = rng.inclusive(120, length - 300);
    let to = from + rng.inclusive(15, 120);
    let reason = *rng.pick(&[
        GapReason::NoContact,
        GapReason::Silent,
        GapReason::Disconnected,
    ])?;
    Some(HrGap {
        from_ms: from * 1000,
        to_ms: to * 1000,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::workout::catalogue::builtin;
    use crate::core::workout::exercise::{Exercise, ExerciseId};
    use crate::core::workout::set::SetKind;
    use crate::demo::{DemoOptions, demo_profile, plan};

    fn today() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-21T15:00:00Z")
            .unwrap()
            .to_utc()
    }

    fn plans() -> Vec<SessionPlan> {
        let exercises: Vec<_> = builtin()
            .unwrap()
            .into_iter()
            .zip(1..)
            .map(|(e, id)| Exercise {
                id: ExerciseId(id),
                name: e.name,
                kind: e.kind,
                equipment: e.equipment,
                mechanics: e.mechanics,
                muscles: e.muscles,
                aliases: e.aliases,
                custom: false,
            })
            .collect();
        let options = DemoOptions {
            years: 1,
            seed: 4,
            today: today(),
        };
        plan(&options, &exercises, &demo_profile(today()).unwrap())
            .unwrap()
            .sessions
    }

    fn setup(seed: u64) -> HeartSetup {
        HeartSetup::new(&demo_profile(today()).unwrap(), seed).unwrap()
    }

    #[test]
    fn the_same_seed_and_session_give_the_same_heart() {
        let plans = plans();
        let a = session_hr(&setup(1), &plans[3], 3, SessionId(4));
        assert_eq!(a, session_hr(&setup(1), &plans[3], 3, SessionId(4)));
        assert_ne!(
            a.samples,
            session_hr(&setup(2), &plans[3], 3, SessionId(4)).samples
        );
        assert_ne!(
            a.samples,
            session_hr(&setup(1), &plans[3], 4, SessionId(4)).samples
        );
    }

    #[test]
    fn a_session_is_1_hz_from_rest_to_below_max_with_its_sets_filled() {
        let plans = plans();
        let setup = setup(1);
        let (rest, max) = (setup.settings.rest.get(), setup.settings.max.get());
        for (i, plan) in plans.iter().enumerate().take(20) {
            let hr = session_hr(&setup, plan, i, SessionId(1));
            let length = (plan.session.ended_at - plan.session.started_at).num_seconds();
            let missing: u32 = hr.gaps.iter().map(|g| (g.to_ms - g.from_ms) / 1000).sum();
            assert!(
                (hr.samples.len() as i64 - (length - i64::from(missing))).abs() <= 1,
                "one sample a second"
            );
            let lowest = hr.samples.iter().map(|s| s.bpm.get()).min().unwrap();
            let highest = hr.samples.iter().map(|s| s.bpm.get()).max().unwrap();
            // Standing about before the first set (~10 % of reserve), sets up to ~75 %.
            assert!(
                (rest..rest + 20).contains(&lowest),
                "lowest {lowest}, rest {rest}"
            );
            assert!(
                (140..max).contains(&highest),
                "highest {highest}, max {max}"
            );
            let summary = hr.summary.unwrap();
            assert!((100.0..130.0).contains(&summary.avg_bpm), "{summary:?}");
            assert!(
                (5.0..30.0).contains(&summary.rmssd_ms.unwrap()),
                "{summary:?}"
            );
            assert!(
                (20.0..60.0).contains(&summary.hr_tss.unwrap()),
                "{summary:?}"
            );
            let in_zones: u32 = summary.zone_seconds.iter().sum();
            assert!(in_zones.abs_diff(summary.seconds) <= 7, "{summary:?}");

            assert_eq!(hr.sets.len(), plan.set_count());
            let sets: Vec<_> = plan.session.slots.iter().flat_map(|s| &s.sets).collect();
            let filled = hr.sets.iter().filter(|s| s.peak.is_some()).count();
            assert!(
                filled + 2 >= hr.sets.len(),
                "{filled} of {} sets",
                hr.sets.len()
            );
            // Sets raise the heart rate, and it falls back after them.
            let mut recoveries = Vec::new();
            for (set, set_hr) in sets.iter().zip(&hr.sets) {
                if let (SetKind::Working, Some(start), Some(peak)) =
                    (set.spec.kind, set_hr.start, set_hr.peak)
                {
                    assert!(peak.get() > start.get() + 10, "{set_hr:?}");
                    recoveries.extend(set_hr.recovery_30.map(i32::from));
                }
            }
            let mean = recoveries.iter().sum::<i32>() / recoveries.len().max(1) as i32;
            assert!((12..=35).contains(&mean), "mean 30 s recovery {mean} bpm");
        }
    }
}
