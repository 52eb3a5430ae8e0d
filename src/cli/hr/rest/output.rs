//! A finished resting reading as text a lifter reads, or as one JSON object.

use ironpulse::core::review::hrv::{BASELINE_DAYS, HrvTrend, MIN_BASELINE_READINGS};
use ironpulse::core::units::Figure;
use serde_json::{Value, json};

use super::super::format::round_to;
use super::collector::{Measured, clock};

/// The reading, how it compares with the baseline, and whether it was saved.
pub fn text(m: &Measured, trend: &HrvTrend, saved: bool) -> String {
    let saved = if saved {
        "saved"
    } else {
        "not saved (--no-save)"
    };
    format!(
        "resting HRV: RMSSD {:.1} ms, SDNN {:.1} ms, mean HR {:.0} bpm\n\
         {} clean beats over {}, {} dropped as artefacts\n\
         {}\n\
         {saved}\n",
        Figure(m.rmssd_ms),
        Figure(m.sdnn_ms),
        Figure(m.mean_bpm),
        m.beats,
        clock(m.duration),
        m.dropped,
        comparison(trend),
    )
}

/// `30-day baseline 45.1 ± 6.3 ms (12 readings): this reading is 1.4 SD under it — …`.
fn comparison(trend: &HrvTrend) -> String {
    let Some(b) = trend.baseline else {
        return format!(
            "no {BASELINE_DAYS}-day baseline yet: it takes {MIN_BASELINE_READINGS} readings on \
             the {BASELINE_DAYS} days before today"
        );
    };
    let head = format!(
        "{BASELINE_DAYS}-day baseline {:.1} ± {:.1} ms ({} readings)",
        Figure(b.mean_ms),
        Figure(b.sd_ms),
        b.readings
    );
    let place = match trend.sds_from_baseline {
        Some(sds) if sds < 0.0 => format!(": this reading is {:.1} SD under it", Figure(-sds)),
        Some(sds) => format!(": this reading is {:.1} SD above it", Figure(sds)),
        None => String::new(),
    };
    let verdict = if trend.below_baseline {
        " — more than one SD under: keep today easy or rest"
    } else {
        ""
    };
    format!("{head}{place}{verdict}")
}

/// `{"rmssd_ms":…, …, "baseline":{…}|null, "below_baseline":bool|null}`.
pub fn json(m: &Measured, trend: &HrvTrend, saved: bool) -> Value {
    json!({
        "rmssd_ms": round_to(m.rmssd_ms, 1),
        "sdnn_ms": round_to(m.sdnn_ms, 1),
        "mean_bpm": round_to(m.mean_bpm, 1),
        "beats": m.beats,
        "dropped": m.dropped,
        "duration_s": m.duration.as_secs(),
        "saved": saved,
        "baseline": trend.baseline.map(|b| json!({
            "mean_ms": round_to(b.mean_ms, 1),
            "sd_ms": round_to(b.sd_ms, 1),
            "readings": b.readings,
        })),
        "below_baseline": trend.baseline.map(|_| trend.below_baseline),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use ironpulse::core::review::HrvReading;
    use ironpulse::core::review::hrv::hrv_trend;
    use ironpulse::core::review::range::Range;
    use std::time::Duration;

    const MEASURED: Measured = Measured {
        rmssd_ms: 54.96,
        sdnn_ms: 61.04,
        mean_bpm: 58.26,
        beats: 172,
        dropped: 3,
        duration: Duration::from_secs(180),
    };

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    /// Five earlier mornings (60, 62, 58, 64, 56: mean 60, SD √10 = 3.16) and today's reading.
    fn trend_with(today_ms: f64, earlier: usize) -> HrvTrend {
        let mut readings: Vec<HrvReading> = [60.0, 62.0, 58.0, 64.0, 56.0]
            .iter()
            .take(earlier)
            .enumerate()
            .map(|(i, &rmssd_ms)| HrvReading {
                date: day(i as u32 + 1),
                rmssd_ms,
                sdnn_ms: None,
                beats: 170,
                dropped: 0,
                duration_s: 180,
            })
            .collect();
        readings.push(HrvReading {
            date: day(10),
            rmssd_ms: today_ms,
            sdnn_ms: None,
            beats: 172,
            dropped: 3,
            duration_s: 180,
        });
        hrv_trend(&readings, Range::All, day(10))
    }

    #[test]
    fn text_with_a_baseline_says_how_far_under() {
        let low = Measured {
            rmssd_ms: 54.96,
            ..MEASURED
        };
        assert_eq!(
            text(&low, &trend_with(54.96, 5), true),
            "resting HRV: RMSSD 55.0 ms, SDNN 61.0 ms, mean HR 58 bpm\n\
             172 clean beats over 3:00, 3 dropped as artefacts\n\
             30-day baseline 60.0 ± 3.2 ms (5 readings): this reading is 1.6 SD under it — more \
             than one SD under: keep today easy or rest\n\
             saved\n"
        );
        let line = comparison(&trend_with(61.0, 5));
        assert_eq!(
            line,
            "30-day baseline 60.0 ± 3.2 ms (5 readings): this reading is 0.3 SD above it"
        );
    }

    #[test]
    fn text_without_a_baseline_says_what_it_takes() {
        let out = text(&MEASURED, &trend_with(54.96, 4), false);
        assert!(out.contains(
            "\nno 30-day baseline yet: it takes 5 readings on the 30 days before today\n"
        ));
        assert!(out.ends_with("not saved (--no-save)\n"));
    }

    #[test]
    fn json_has_every_key_and_null_without_a_baseline() {
        assert_eq!(
            json(&MEASURED, &trend_with(54.96, 5), true),
            json!({
                "rmssd_ms": 55.0, "sdnn_ms": 61.0, "mean_bpm": 58.3, "beats": 172, "dropped": 3,
                "duration_s": 180, "saved": true,
                "baseline": {"mean_ms": 60.0, "sd_ms": 3.2, "readings": 5},
                "below_baseline": true,
            })
        );
        let none = json(&MEASURED, &trend_with(54.96, 4), false);
        assert_eq!(none["baseline"], Value::Null);
        assert_eq!(none["below_baseline"], Value::Null);
        assert_eq!(none["saved"], json!(false));
    }
}
