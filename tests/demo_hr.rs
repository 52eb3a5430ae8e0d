//! The demo's heart rate against a real database file: every session has 1 Hz samples with RR,
//! its sets' HR and a stored summary that agrees with the samples; drop-outs are recorded gaps.

use chrono::{DateTime, Utc};
use ironpulse::core::heart::settings::HrSettings;
use ironpulse::core::profile::ZoneKind;
use ironpulse::demo::{DemoOptions, generate};
use ironpulse::store::Store;

fn today() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T15:00:00Z")
        .unwrap()
        .to_utc()
}

#[test]
fn a_demo_year_has_plausible_heart_rate_for_every_session() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("demo.db")).unwrap();
    let options = DemoOptions {
        years: 1,
        seed: 5,
        today: today(),
    };
    let report = generate(&store, &options).unwrap();
    let profile = store.profile().unwrap().unwrap();
    let (rest, max) = (profile.hr_rest.get(), profile.hr_max.get());

    let summaries = store.hr_summaries(DateTime::UNIX_EPOCH, today()).unwrap();
    assert_eq!(
        summaries.len(),
        report.sessions,
        "every session has a summary"
    );
    let mut samples_seen = 0;
    let mut gaps_seen = 0;
    for (i, row) in summaries.iter().enumerate() {
        let session = store.session(row.session).unwrap().unwrap();
        let hr = store.session_hr(row.session).unwrap();
        samples_seen += hr.samples.len();
        gaps_seen += hr.gaps.len();
        assert_eq!(
            row.settings,
            Some(HrSettings {
                max: profile.hr_max,
                rest: profile.hr_rest,
                lthr: profile.lthr,
                zones: ZoneKind::Karvonen,
            })
        );

        // 1 Hz from start to end, less the recorded drop-outs, and nothing inside them.
        let length = (session.ended_at.unwrap() - session.started_at).num_seconds();
        let missing: i64 = hr
            .gaps
            .iter()
            .map(|g| i64::from(g.to_ms - g.from_ms) / 1000 - 1)
            .sum();
        assert_eq!(hr.samples.len() as i64, length - missing, "session {i}");
        assert!(
            hr.samples
                .iter()
                .all(|s| !hr.gaps.iter().any(|g| g.covers(s.offset_ms)))
        );
        let beats: usize = hr.samples.iter().map(|s| s.rr.len()).sum();
        assert!(beats > hr.samples.len(), "RR at every beat, above 60 bpm");

        let lowest = hr.samples.iter().map(|s| s.bpm.get()).min().unwrap();
        let highest = hr.samples.iter().map(|s| s.bpm.get()).max().unwrap();
        assert!((rest..rest + 20).contains(&lowest), "lowest {lowest}");
        assert!(highest < max, "highest {highest} reaches max {max}");
        assert_eq!(row.summary.max_bpm.get(), highest);

        // The stored summary is what the samples give (recomputed from what was stored).
        assert_eq!(store.finish_hr(row.session).unwrap(), Some(row.summary));

        let sets = store.session_set_hr(row.session).unwrap();
        assert_eq!(sets.len(), session.set_count());
        let with_peak = sets.iter().filter(|(_, s)| s.peak.is_some()).count();
        assert!(with_peak + 2 >= sets.len(), "{with_peak} of {}", sets.len());
    }
    assert_eq!(samples_seen, report.hr_samples);
    // About 4 % of sessions lose the strap for a while.
    assert!(
        (2..=30).contains(&gaps_seen),
        "{gaps_seen} drop-outs in {} sessions",
        report.sessions
    );
}
