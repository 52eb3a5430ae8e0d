//! Heart rate as it is kept for a session: one [`HrSample`] per strap notification, timed from
//! the session's start, with the RR intervals that came with it, and [`HrGap`]s where the strap
//! sent nothing usable. A gap is recorded, never filled in.

use std::time::Duration;

use crate::core::units::Bpm;

/// The one gap rule: a strap notifies about once a second, so a silence longer than this between
/// two samples is a gap. A live link silent this long counts as stale, the live chart breaks its
/// line there, and no sample stands for more than this much time in the load.
pub const GAP_AFTER: Duration = Duration::from_secs(5);

/// One RR interval (the time between two beats) in the strap's own unit, 1/1024 s.
///
/// Kept as the strap sends it, so storing it loses nothing: ms = raw · 1000 / 1024 (science.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rr(u16);

impl Rr {
    /// Units per second.
    pub const PER_SECOND: f64 = 1024.0;

    /// An interval exactly as the strap sent it.
    pub fn from_raw(raw: u16) -> Rr {
        Rr(raw)
    }

    /// The nearest interval to `ms` milliseconds (≈ 1 ms steps); `None` when it is not a number,
    /// not positive, or longer than the strap's unit can hold (64 s).
    pub fn from_ms(ms: f64) -> Option<Rr> {
        let raw = (ms * Self::PER_SECOND / 1000.0).round();
        (ms.is_finite() && (1.0..=f64::from(u16::MAX)).contains(&raw)).then_some(Rr(raw as u16))
    }

    /// The raw value in 1/1024 s.
    pub fn raw(self) -> u16 {
        self.0
    }

    /// The interval in milliseconds.
    pub fn ms(self) -> f64 {
        f64::from(self.0) * 1000.0 / Self::PER_SECOND
    }
}

/// One heart-rate notification of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HrSample {
    /// Milliseconds since the session started.
    pub offset_ms: u32,
    pub bpm: Bpm,
    /// The RR intervals that arrived with this notification, oldest first (often none).
    pub rr: Vec<Rr>,
}

/// Why the strap sent nothing usable for a while.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GapReason {
    /// The strap reported no skin contact.
    NoContact,
    /// Notifications stopped (out of range, flat battery) while the link stayed up.
    Silent,
    /// The Bluetooth link was lost.
    Disconnected,
    /// Received, but given up unsaved: the disk stayed full.
    DiskFull,
    /// Received, but given up unsaved: the database refused the write.
    WriteFailed,
}

impl GapReason {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            GapReason::NoContact => "no_contact",
            GapReason::Silent => "silent",
            GapReason::Disconnected => "disconnected",
            GapReason::DiskFull => "disk_full",
            GapReason::WriteFailed => "write_failed",
        }
    }

    /// In words, for a lifter.
    pub fn describe(self) -> &'static str {
        match self {
            GapReason::NoContact => "no skin contact",
            GapReason::Silent => "the strap went silent",
            GapReason::Disconnected => "the strap disconnected",
            GapReason::DiskFull => "the disk was full",
            GapReason::WriteFailed => "the write failed",
        }
    }

    /// The reason for a stored code.
    pub fn from_code(code: &str) -> Option<GapReason> {
        match code {
            "no_contact" => Some(GapReason::NoContact),
            "silent" => Some(GapReason::Silent),
            "disconnected" => Some(GapReason::Disconnected),
            "disk_full" => Some(GapReason::DiskFull),
            "write_failed" => Some(GapReason::WriteFailed),
            _ => None,
        }
    }
}

/// A stretch of a session without heart rate: no sample lies strictly between `from_ms` and
/// `to_ms` (the last sample before and the first after may sit on the edges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HrGap {
    /// Milliseconds since the session started.
    pub from_ms: u32,
    /// Milliseconds since the session started; after `from_ms`.
    pub to_ms: u32,
    pub reason: GapReason,
}

impl HrGap {
    /// Whether instant `at_ms` falls inside the gap.
    pub fn covers(&self, at_ms: u32) -> bool {
        self.from_ms < at_ms && at_ms < self.to_ms
    }

    /// Whether the gap reaches into the open stretch between `from_ms` and `to_ms`.
    pub fn overlaps(&self, from_ms: u32, to_ms: u32) -> bool {
        self.from_ms < to_ms && from_ms < self.to_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rr_in_1024ths_of_a_second_science_md() {
        // science.md: raw 1041 → 1041 · 1000 / 1024 = 1016.6 ms.
        assert!((Rr::from_raw(1041).ms() - 1_016.601_562_5).abs() < 1e-9);
        assert_eq!(Rr::from_ms(1_016.6), Some(Rr::from_raw(1041)));
        // 1000 ms = 1024 units; the unit is ~0.98 ms, so rounding moves at most half of it.
        assert_eq!(Rr::from_ms(1000.0).map(Rr::raw), Some(1024));
        assert_eq!(Rr::from_ms(f64::NAN), None);
        assert_eq!(Rr::from_ms(0.0), None);
        assert_eq!(Rr::from_ms(-5.0), None);
        assert_eq!(Rr::from_ms(64_000.0), None);
        assert_eq!(Rr::from_ms(63_999.0).map(Rr::raw), Some(65_535));
    }

    #[test]
    fn gap_reasons_round_trip_through_their_codes() {
        for reason in [
            GapReason::NoContact,
            GapReason::Silent,
            GapReason::Disconnected,
            GapReason::DiskFull,
            GapReason::WriteFailed,
        ] {
            assert_eq!(GapReason::from_code(reason.code()), Some(reason));
        }
        assert_eq!(GapReason::from_code("lost"), None);
    }

    #[test]
    fn a_gap_covers_its_inside_not_its_edges() {
        let gap = HrGap {
            from_ms: 10_000,
            to_ms: 20_000,
            reason: GapReason::Silent,
        };
        assert!(!gap.covers(10_000));
        assert!(gap.covers(10_001));
        assert!(!gap.covers(20_000));
        assert!(gap.overlaps(0, 10_001));
        assert!(!gap.overlaps(0, 10_000));
        assert!(gap.overlaps(19_999, 30_000));
        assert!(!gap.overlaps(20_000, 30_000));
    }
}
