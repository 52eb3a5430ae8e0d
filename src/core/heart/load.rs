//! Training load of one session: Banister TRIMP summed sample by sample, hrTSS (TRIMP normalised
//! so one hour at LTHR is 100), Foster's session-RPE load and Edwards' zonal TRIMP (science.md).
//!
//! The hrTSS here is HR-based and TRIMP-normalised (`GoldenCheetah`'s "TRIMP(100)", Elevate's
//! HRSS); say so wherever it is shown. It is not the `minutes · (avgHR/LTHR)² · 100/60` of the
//! starting design note, which science.md rejects.

use crate::core::profile::Sex;
use crate::core::units::Bpm;

/// Banister's weighting `a · e^(k·x)` for one sex.
///
/// Source: Banister (1991), "Modeling elite athletic performance", in Physiological Testing of the
/// High-Performance Athlete; coefficients from Morton, Fitz-Clarke & Banister (1990), J Appl
/// Physiol 69:1171–1177: men k = 1.92, a = 0.64; women k = 1.67, a = 0.86.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Banister {
    /// Exponent weighting of intensity.
    pub k: f64,
    /// Linear scale.
    pub a: f64,
}

impl Banister {
    /// The published coefficients for a sex.
    pub fn for_sex(sex: Sex) -> Self {
        match sex {
            Sex::Male => Banister { k: 1.92, a: 0.64 },
            Sex::Female => Banister { k: 1.67, a: 0.86 },
        }
    }

    /// TRIMP per minute at HRR fraction `x` (already clamped): `x · a · e^(k·x)`.
    pub fn per_minute(self, x: f64) -> f64 {
        x * self.a * (self.k * x).exp()
    }
}

/// Why load cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("resting heart rate ({rest} bpm) must be below max heart rate ({max} bpm)")]
    RestNotBelowMax { rest: u16, max: u16 },
    #[error("threshold heart rate ({lthr} bpm) must be between resting ({rest}) and max ({max})")]
    LthrOutOfRange { lthr: u16, rest: u16, max: u16 },
    #[error("session RPE must be 0–10, got {0}")]
    SessionRpe(String),
    #[error("session length must be zero or more minutes, got {0}")]
    Minutes(String),
}

/// The heart-rate anchors and sex that turn samples into load.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoadParams {
    rest: f64,
    max: f64,
    lthr: Option<f64>,
    banister: Banister,
}

impl LoadParams {
    /// Resting and max HR, the optional lactate-threshold HR (needed for hrTSS), and sex.
    pub fn new(rest: Bpm, max: Bpm, lthr: Option<Bpm>, sex: Sex) -> Result<Self, LoadError> {
        if rest >= max {
            return Err(LoadError::RestNotBelowMax {
                rest: rest.get(),
                max: max.get(),
            });
        }
        if let Some(l) = lthr
            && (l <= rest || l > max)
        {
            return Err(LoadError::LthrOutOfRange {
                lthr: l.get(),
                rest: rest.get(),
                max: max.get(),
            });
        }
        Ok(LoadParams {
            rest: f64::from(rest.get()),
            max: f64::from(max.get()),
            lthr: lthr.map(|l| f64::from(l.get())),
            banister: Banister::for_sex(sex),
        })
    }

    /// Fraction of heart-rate reserve, clamped to [0, 1] (science.md).
    pub fn hrr_fraction(&self, bpm: Bpm) -> f64 {
        ((f64::from(bpm.get()) - self.rest) / (self.max - self.rest)).clamp(0.0, 1.0)
    }

    /// Banister TRIMP accrued per minute at this heart rate.
    pub fn trimp_per_minute(&self, bpm: Bpm) -> f64 {
        self.banister.per_minute(self.hrr_fraction(bpm))
    }

    /// TRIMP of one hour at LTHR, `60 · xLT · a · e^(k·xLT)`: the hrTSS normaliser.
    pub fn trimp_hour_at_lthr(&self) -> Option<f64> {
        let x_lt = (self.lthr? - self.rest) / (self.max - self.rest);
        Some(60.0 * self.banister.per_minute(x_lt))
    }

    /// Edwards (1993), *The Heart Rate Monitor Book*: weight 1–5 for 50–60 … 90–100 % of max HR,
    /// 0 below 50 %. Bands are half-open on the unrounded percentage; above max counts as 5.
    pub fn edwards_weight(&self, bpm: Bpm) -> u8 {
        // Tenths of HRmax: 5 → 1 … 9 → 5. A correctly rounded division is exact on the
        // boundaries, so `floor` never drops a boundary heart rate into the zone below.
        let tenths = f64::from(bpm.get()) * 10.0 / self.max;
        (tenths.floor() - 4.0).clamp(0.0, 5.0) as u8
    }
}

/// Session load accumulated live, one heart-rate sample at a time, in O(1) per sample.
///
/// Each sample counts for the time since the previous one, capped at
/// [`LiveLoad::MAX_SAMPLE_SECONDS`]: the rest of a longer silence is a gap and adds nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveLoad {
    params: LoadParams,
    trimp: f64,
    edwards: f64,
    seconds: f64,
}

impl LiveLoad {
    /// The longest stretch one sample may stand for: the gap rule,
    /// [`GAP_AFTER`](crate::core::heart::sample::GAP_AFTER).
    pub const MAX_SAMPLE_SECONDS: f64 = crate::core::heart::sample::GAP_AFTER.as_secs_f64();

    /// An empty session.
    pub fn new(params: LoadParams) -> Self {
        LiveLoad {
            params,
            trimp: 0.0,
            edwards: 0.0,
            seconds: 0.0,
        }
    }

    /// Adds a sample held for `dt_seconds`. Non-finite or non-positive durations add nothing.
    pub fn add(&mut self, bpm: Bpm, dt_seconds: f64) {
        // Checked before capping: `NaN.min(5.0)` and `inf.min(5.0)` are both 5.
        if dt_seconds.is_finite() {
            self.accrue(bpm, dt_seconds.min(Self::MAX_SAMPLE_SECONDS));
        }
    }

    /// Adds `seconds` at one steady heart rate, with no gap cap: a stretch known only by its
    /// average (60 min at 140 bpm). Non-finite or non-positive durations add nothing.
    pub fn add_steady(&mut self, bpm: Bpm, seconds: f64) {
        self.accrue(bpm, seconds);
    }

    fn accrue(&mut self, bpm: Bpm, seconds: f64) {
        if !(seconds.is_finite() && seconds > 0.0) {
            return;
        }
        let minutes = seconds / 60.0;
        self.trimp += minutes * self.params.trimp_per_minute(bpm);
        self.edwards += minutes * f64::from(self.params.edwards_weight(bpm));
        self.seconds += seconds;
    }

    /// Banister TRIMP so far.
    pub fn trimp(&self) -> f64 {
        self.trimp
    }

    /// HR-based (TRIMP-normalised) hrTSS so far: `100 · TRIMP / (60 · xLT · a · e^(k·xLT))`.
    /// `None` without an LTHR.
    pub fn hr_tss(&self) -> Option<f64> {
        Some(100.0 * self.trimp / self.params.trimp_hour_at_lthr()?)
    }

    /// Edwards zonal TRIMP so far (minutes × zone weight 1–5).
    pub fn edwards(&self) -> f64 {
        self.edwards
    }

    /// Time that counted, in minutes (gaps excluded).
    pub fn minutes(&self) -> f64 {
        self.seconds / 60.0
    }
}

/// Foster et al. (2001), J Strength Cond Res 15:109–115: session load = session RPE (CR-10,
/// 0–10) × minutes, in arbitrary units. For sessions without heart rate.
pub fn foster_load(session_rpe: f64, minutes: f64) -> Result<f64, LoadError> {
    if !(session_rpe.is_finite() && (0.0..=10.0).contains(&session_rpe)) {
        return Err(LoadError::SessionRpe(crate::core::units::format_number(
            session_rpe,
        )));
    }
    if !(minutes.is_finite() && minutes >= 0.0) {
        return Err(LoadError::Minutes(crate::core::units::format_number(
            minutes,
        )));
    }
    Ok(session_rpe * minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bpm(v: u32) -> Bpm {
        Bpm::try_from(v).unwrap()
    }

    fn params(sex: Sex) -> LoadParams {
        LoadParams::new(bpm(50), bpm(190), Some(bpm(165)), sex).unwrap()
    }

    fn run(params: LoadParams, samples: &[(u32, f64)]) -> LiveLoad {
        let mut live = LiveLoad::new(params);
        for &(b, dt) in samples {
            live.add(bpm(b), dt);
        }
        live
    }

    fn steady(params: LoadParams, b: u32, minutes: u32) -> LiveLoad {
        run(params, &vec![(b, 1.0); minutes as usize * 60])
    }

    #[test]
    fn hrtss_sixty_minutes_at_140_is_55_5_science_md() {
        let live = steady(params(Sex::Male), 140, 60);
        assert!((live.hr_tss().unwrap() - 55.5).abs() < 0.05);
        // TRIMP by hand: x = 90/140, 60 · x · 0.64 · e^(1.92x) = 84.82.
        assert!((live.trimp() - 84.82).abs() < 0.01);
        assert!((live.minutes() - 60.0).abs() < 1e-9);
    }

    #[test]
    fn a_steady_hour_equals_its_samples_science_md() {
        let mut live = LiveLoad::new(params(Sex::Male));
        live.add_steady(bpm(140), 3600.0);
        let sampled = steady(params(Sex::Male), 140, 60);
        assert!((live.hr_tss().unwrap() - sampled.hr_tss().unwrap()).abs() < 1e-6);
        assert!((live.hr_tss().unwrap() - 55.5).abs() < 0.05);
        assert!((live.minutes() - 60.0).abs() < 1e-9);
        live.add_steady(bpm(140), f64::NAN);
        live.add_steady(bpm(140), -60.0);
        assert!((live.minutes() - 60.0).abs() < 1e-9);
    }

    #[test]
    fn one_hour_at_lthr_is_exactly_100_goldencheetah_trimp100() {
        for sex in [Sex::Male, Sex::Female] {
            let live = steady(params(sex), 165, 60);
            assert!((live.hr_tss().unwrap() - 100.0).abs() < 1e-9, "{sex:?}");
        }
    }

    #[test]
    fn banister_coefficients_morton_1990() {
        // One minute at max HR: a · e^k. Men 0.64 · e^1.92, women 0.86 · e^1.67.
        let male = Banister::for_sex(Sex::Male).per_minute(1.0);
        let female = Banister::for_sex(Sex::Female).per_minute(1.0);
        assert!((male - 4.365_41).abs() < 1e-4);
        assert!((female - 4.568_46).abs() < 1e-4);
        // 30 min at 75 % HRR for a man: 30 · 0.75 · 0.64 · e^1.44 = 60.78.
        assert!((30.0 * Banister::for_sex(Sex::Male).per_minute(0.75) - 60.78).abs() < 0.01);
    }

    #[test]
    fn summed_samples_exceed_the_average_for_uneven_sessions_science_md() {
        // Half an hour at 110 and half at 170 averages 140 bpm but loads more than 140 steady.
        let even = steady(params(Sex::Male), 140, 60);
        let mut samples = vec![(110, 1.0); 1800];
        samples.extend(vec![(170, 1.0); 1800]);
        let uneven = run(params(Sex::Male), &samples);
        assert!(uneven.trimp() > even.trimp());
    }

    #[test]
    fn below_rest_adds_nothing_and_above_max_is_clamped() {
        let p = LoadParams::new(bpm(60), bpm(180), None, Sex::Male).unwrap();
        assert!(run(p, &[(40, 60.0)]).trimp().abs() < 1e-12);
        assert!((p.trimp_per_minute(bpm(200)) - p.trimp_per_minute(bpm(180))).abs() < 1e-12);
        assert_eq!(run(p, &[(150, 60.0)]).hr_tss(), None, "no LTHR, no hrTSS");
    }

    #[test]
    fn gaps_and_bad_durations_add_nothing() {
        let p = params(Sex::Male);
        let with_gap = run(p, &[(150, 1.0), (150, 600.0), (150, 1.0)]);
        let without = run(p, &[(150, 1.0), (150, 5.0), (150, 1.0)]);
        assert!((with_gap.trimp() - without.trimp()).abs() < 1e-12);
        assert!((with_gap.minutes() - 7.0 / 60.0).abs() < 1e-12);
        let bad = run(
            p,
            &[
                (150, f64::NAN),
                (150, -3.0),
                (150, 0.0),
                (150, f64::INFINITY),
            ],
        );
        assert!(bad.trimp().abs() < 1e-12);
        assert!(bad.minutes().abs() < 1e-12);
    }

    #[test]
    fn edwards_ten_minutes_in_each_zone_is_150_edwards_1993() {
        // HRmax 200: 50 % = 100, 60 % = 120 … 90 % = 180.
        let p = LoadParams::new(bpm(50), bpm(200), None, Sex::Female).unwrap();
        let mut samples = Vec::new();
        for b in [99, 100, 120, 140, 160, 180] {
            samples.extend(vec![(b, 1.0); 600]);
        }
        let live = run(p, &samples);
        assert!((live.edwards() - 150.0).abs() < 1e-9);
        assert_eq!(p.edwards_weight(bpm(119)), 1);
        assert_eq!(p.edwards_weight(bpm(179)), 4);
        assert_eq!(p.edwards_weight(bpm(230)), 5);
    }

    #[test]
    fn foster_session_rpe_load_foster_2001() {
        assert!((foster_load(7.0, 60.0).unwrap() - 420.0).abs() < 1e-9);
        assert!((foster_load(0.0, 45.0).unwrap()).abs() < 1e-9);
        assert_eq!(
            foster_load(11.0, 60.0).unwrap_err().to_string(),
            "session RPE must be 0–10, got 11"
        );
        assert!(foster_load(5.0, -1.0).is_err());
    }

    #[test]
    fn anchors_are_checked() {
        assert!(matches!(
            LoadParams::new(bpm(60), bpm(60), None, Sex::Male),
            Err(LoadError::RestNotBelowMax { .. })
        ));
        assert_eq!(
            LoadParams::new(bpm(60), bpm(180), Some(bpm(190)), Sex::Male)
                .unwrap_err()
                .to_string(),
            "threshold heart rate (190 bpm) must be between resting (60) and max (180)"
        );
    }

    proptest! {
        #[test]
        fn load_never_falls_and_rises_with_heart_rate(
            samples in proptest::collection::vec((20u32..=250, 0.0..10.0f64), 0..200),
            b in 20u32..250,
        ) {
            let p = params(Sex::Male);
            let mut live = LiveLoad::new(p);
            let mut previous = 0.0;
            for (s, dt) in samples {
                live.add(bpm(s), dt);
                prop_assert!(live.trimp() >= previous);
                previous = live.trimp();
            }
            prop_assert!(p.trimp_per_minute(bpm(b + 1)) >= p.trimp_per_minute(bpm(b)));
            prop_assert!(p.edwards_weight(bpm(b + 1)) >= p.edwards_weight(bpm(b)));
        }
    }
}
