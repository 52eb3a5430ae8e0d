//! The running session's heart rate on its way to the database: each sample handed over as it
//! arrives, gaps recorded as gaps, heart rate the store could not save kept and tried again
//! (given up, as a gap saying why, only past a cap), and each set's heart rate worked out once its
//! recovery minute has passed. Offsets are ms since the session started; "now" is a parameter.
//!
//! The crash bound holds by construction: nothing waits here while the store takes writes. A
//! sample comes back as a [`Batch`] from the call it arrives in, and the caller hands it to the
//! store at once, so a `kill -9` loses only what arrived in the last commit's time.

use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, TimeDelta, Utc};

use crate::core::heart::sample::{GapReason, HrGap, HrSample, Rr};
use crate::core::heart::set_hr::{SetHr, SetWindow, set_hr, set_start};
use crate::core::units::Bpm;
use crate::core::workout::session::{LoggedSet, SetId};

/// How much of the session's heart rate stays in memory for per-set figures.
pub const KEEP_MS: u32 = 11 * 60 * 1_000;
/// A set's heart rate is worked out this long after it ends (recovery at 60 s, plus slack).
pub const SETTLE_MS: u32 = 65_000;
/// While heart rate cannot be saved, it is tried again this often (new samples wait with it).
pub const RETRY: TimeDelta = TimeDelta::seconds(5);
/// At most this much unsaved heart rate waits for the disk: half an hour, about 1,800 samples
/// (~150 KB). Past it the oldest is given up and recorded as a gap saying why.
pub const UNSAVED_MS: u32 = 30 * 60 * 1_000;

/// Samples and gaps for the store, in time order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub samples: Vec<HrSample>,
    pub gaps: Vec<HrGap>,
}

/// Something about saving heart rate the lifter is to be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The store could not save heart rate and a retry may help: it waits (up to
    /// [`UNSAVED_MS`]) and is tried again. Said at the first failure only.
    Kept { reason: GapReason },
    /// Heart rate from `from_ms` on could not be saved and is recorded as a gap. Said once a
    /// session.
    GivenUp { from_ms: u32, reason: GapReason },
    /// Heart rate that waited is being saved again.
    SavedAgain,
}

/// What the session ending did to heart rate still waiting for the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftUnsaved {
    /// Where the unsaved heart rate began, in ms since the session started.
    pub from_ms: u32,
    pub reason: GapReason,
    /// The gap it becomes, to the session's end (none when the session ended at `from_ms`).
    pub gap: Option<HrGap>,
}

/// Why heart rate waits unsaved, and when it is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unsaved {
    /// The gap it becomes if it has to be given up.
    reason: GapReason,
    retry_at: DateTime<Utc>,
}

/// The running session's heart rate: what waits for the store and what per-set figures need.
#[derive(Debug, Clone, Default)]
pub struct SessionLog {
    /// Samples and gaps not yet handed to the store. They wait here only while the store cannot
    /// save heart rate (see `unsaved`), in time order.
    pending: Vec<HrSample>,
    pending_gaps: Vec<HrGap>,
    /// Set while heart rate cannot be saved (a full disk): it waits in `pending`.
    unsaved: Option<Unsaved>,
    /// The lifter was told that heart rate had to be given up (said once a session).
    told_given_up: bool,
    /// The last [`KEEP_MS`] of samples and gaps, for the heart rate of each set.
    samples: VecDeque<HrSample>,
    gaps: Vec<HrGap>,
    /// A gap that began at this offset; the next sample closes it.
    open_gap: Option<(u32, GapReason)>,
    last_offset: Option<u32>,
    /// Sets whose heart rate is worked out once their recovery minute has passed.
    awaiting: Vec<(SetId, SetWindow)>,
    /// Heart rate of the session's sets, for the table.
    sets: HashMap<SetId, SetHr>,
}

impl SessionLog {
    /// A sample `offset` ms into the session (`bpm` is `None` without contact or a valid value):
    /// what it settles, what goes to the store now, and what the lifter must hear.
    pub(super) fn sample(
        &mut self,
        offset: u32,
        bpm: Option<Bpm>,
        rr_ms: &[f64],
        now: DateTime<Utc>,
    ) -> Handed {
        let Some(bpm) = bpm else {
            if self.open_gap.is_none() {
                self.open_gap = Some((self.last_offset.unwrap_or(offset), GapReason::NoContact));
            }
            return Handed::default();
        };
        if let Some((from_ms, reason)) = self.open_gap.take()
            && offset > from_ms
        {
            let gap = HrGap {
                from_ms,
                to_ms: offset,
                reason,
            };
            self.pending_gaps.push(gap);
            self.gaps.push(gap);
        }
        if self.last_offset.is_some_and(|last| offset <= last) {
            return Handed::default();
        }
        let sample = HrSample {
            offset_ms: offset,
            bpm,
            rr: rr_ms.iter().filter_map(|ms| Rr::from_ms(*ms)).collect(),
        };
        self.last_offset = Some(offset);
        self.pending.push(sample.clone());
        self.samples.push_back(sample);
        while self
            .samples
            .front()
            .is_some_and(|s| offset - s.offset_ms > KEEP_MS)
        {
            self.samples.pop_front();
        }
        self.gaps
            .retain(|g| offset - g.to_ms.min(offset) <= KEEP_MS);
        let settled = self.settle(offset);
        let (batch, notice) = self.hand_over(now);
        Handed {
            batch,
            settled,
            notice,
        }
    }

    /// The strap went quiet or the link dropped: what follows, until the next sample, is a gap.
    pub(super) fn gap(&mut self, reason: GapReason) {
        if let (None, Some(last)) = (self.open_gap, self.last_offset) {
            self.open_gap = Some((last, reason));
        }
    }

    /// Hands what waits to the store at once — unless the store is failing and its next try is
    /// not due yet; what waits then is kept up to [`UNSAVED_MS`].
    fn hand_over(&mut self, now: DateTime<Utc>) -> (Option<Batch>, Option<Notice>) {
        match self.unsaved {
            Some(unsaved) if now < unsaved.retry_at => {
                let given_up = self.cap(unsaved.reason);
                (None, self.tell_given_up(given_up))
            }
            _ => (self.flush(), None),
        }
    }

    /// Everything waiting, for the store (also while it is failing: the session is ending or
    /// the app is quitting); `None` when nothing waits.
    pub fn flush(&mut self) -> Option<Batch> {
        if self.pending.is_empty() && self.pending_gaps.is_empty() {
            return None;
        }
        Some(Batch {
            samples: std::mem::take(&mut self.pending),
            gaps: std::mem::take(&mut self.pending_gaps),
        })
    }

    /// A batch was committed: if heart rate was waiting for the disk, it is saved again.
    pub fn appended(&mut self) -> Option<Notice> {
        self.unsaved.take().map(|_| Notice::SavedAgain)
    }

    /// A batch of this session could not be stored: kept to try again (in time order with what
    /// waits, so nothing is sent twice) when `retry` can help, else given up as a gap with the
    /// reason. What the lifter is told, in order: [`Notice::Kept`] at the first failure only,
    /// [`Notice::GivenUp`] once a session.
    pub fn not_saved(
        &mut self,
        batch: Batch,
        reason: GapReason,
        retry: bool,
        now: DateTime<Utc>,
    ) -> Vec<Notice> {
        let first = self.unsaved.is_none();
        let given_up = if retry {
            self.pending.extend(batch.samples);
            self.pending.sort_by_key(|s| s.offset_ms);
            self.pending_gaps.extend(batch.gaps);
            self.pending_gaps.sort_by_key(|g| g.from_ms);
            self.unsaved = Some(Unsaved {
                reason,
                retry_at: now + RETRY,
            });
            self.cap(reason)
        } else {
            self.give_up(&batch, reason)
        };
        let kept = (retry && first).then_some(Notice::Kept { reason });
        kept.into_iter()
            .chain(self.tell_given_up(given_up))
            .collect()
    }

    /// The session ended `length_ms` after it started: heart rate still waiting for the disk can
    /// no longer be saved with it and becomes a gap to the end. The log starts over either way
    /// once it held unsaved heart rate.
    pub fn session_over(&mut self, length_ms: Option<u32>) -> Option<LeftUnsaved> {
        let reason = self.unsaved?.reason;
        let log = std::mem::take(self);
        let from_ms = log
            .pending
            .first()
            .map(|s| s.offset_ms)
            .into_iter()
            .chain(log.pending_gaps.iter().map(|g| g.from_ms))
            .min()?;
        let to_ms = length_ms?;
        Some(LeftUnsaved {
            from_ms,
            reason,
            gap: (to_ms > from_ms).then_some(HrGap {
                from_ms,
                to_ms,
                reason,
            }),
        })
    }

    /// Gives up the oldest waiting samples beyond [`UNSAVED_MS`]; returns the stretch given up.
    fn cap(&mut self, reason: GapReason) -> Option<(u32, u32)> {
        let newest = self.pending.last()?.offset_ms;
        let cut = self
            .pending
            .partition_point(|s| newest - s.offset_ms > UNSAVED_MS);
        if cut == 0 {
            return None;
        }
        let from = self.pending[0].offset_ms;
        self.pending.drain(..cut);
        // The newest sample is always kept, so one follows the stretch given up.
        let to = self.pending.first().map_or(newest, |s| s.offset_ms);
        self.record_gap(from, to, reason);
        Some((from, to))
    }

    /// Gives up a batch a retry cannot help (the store refused it): a gap from its start to the
    /// next sample kept (or, with none yet, to the next to arrive).
    fn give_up(&mut self, batch: &Batch, reason: GapReason) -> Option<(u32, u32)> {
        let from = batch
            .samples
            .first()
            .map(|s| s.offset_ms)
            .into_iter()
            .chain(batch.gaps.iter().map(|g| g.from_ms))
            .min()?;
        let last = batch.samples.last().map_or(from, |s| s.offset_ms);
        if let Some(next) = self.pending.iter().find(|s| s.offset_ms > last) {
            let to = next.offset_ms;
            self.record_gap(from, to, reason);
        } else {
            let open = self.open_gap.map_or(from, |(start, _)| start.min(from));
            self.open_gap = Some((open, reason));
        }
        Some((from, last))
    }

    /// Records that nothing of `from`–`to` will be stored: gaps waiting inside it become part
    /// of it, and a gap given up just before it grows instead of a new one starting.
    fn record_gap(&mut self, from: u32, to: u32, reason: GapReason) {
        self.pending_gaps
            .retain(|g| !(from <= g.from_ms && g.to_ms <= to));
        if let Some(before) = self
            .pending_gaps
            .iter_mut()
            .find(|g| g.reason == reason && g.to_ms == from)
        {
            before.to_ms = to;
        } else if to > from {
            self.pending_gaps.push(HrGap {
                from_ms: from,
                to_ms: to,
                reason,
            });
            self.pending_gaps.sort_by_key(|g| g.from_ms);
        }
    }

    /// The once-a-session word that heart rate had to be given up, and from when.
    fn tell_given_up(&mut self, given_up: Option<(u32, u32)>) -> Option<Notice> {
        let (from_ms, _) = given_up?;
        if std::mem::replace(&mut self.told_given_up, true) {
            return None;
        }
        let reason = self.unsaved.map_or(GapReason::WriteFailed, |u| u.reason);
        Some(Notice::GivenUp { from_ms, reason })
    }

    /// Sets of the session that started at `session_start` were logged: their windows are
    /// remembered; the previous set's recovery stops where this set starts. Nothing without
    /// heart rate in the session.
    pub fn sets_logged(&mut self, session_start: DateTime<Utc>, sets: &[LoggedSet]) {
        if self.last_offset.is_none() {
            return;
        }
        for set in sets.iter().filter(|s| s.spec.kind.is_working()) {
            let Ok(end_ms) = u32::try_from((set.completed_at - session_start).num_milliseconds())
            else {
                continue;
            };
            let previous_end = self.awaiting.last().map_or(0, |(_, w)| w.end_ms);
            let start_ms = set_start(self.samples.make_contiguous(), previous_end, end_ms);
            for (_, window) in self
                .awaiting
                .iter_mut()
                .filter(|(_, w)| w.next_start_ms.is_none() && w.end_ms < start_ms)
            {
                window.next_start_ms = Some(start_ms);
            }
            self.awaiting.push((
                set.id,
                SetWindow {
                    start_ms,
                    end_ms,
                    next_start_ms: None,
                },
            ));
        }
    }

    /// Works out the heart rate of every set whose recovery minute is over by `now_ms`
    /// (`u32::MAX`: all of them, at the end of the session). A set with no heart rate around
    /// it gives nothing.
    pub fn settle(&mut self, now_ms: u32) -> Vec<(SetId, SetHr)> {
        let due = |w: &SetWindow| now_ms >= w.end_ms.saturating_add(SETTLE_MS);
        if !self.awaiting.iter().any(|(_, w)| due(w)) {
            return Vec::new();
        }
        let (ready, waiting): (Vec<_>, Vec<_>) = self.awaiting.drain(..).partition(|(_, w)| due(w));
        self.awaiting = waiting;
        let samples = self.samples.make_contiguous();
        let settled: Vec<_> = ready
            .into_iter()
            .map(|(set, window)| (set, set_hr(samples, &self.gaps, window)))
            .filter(|(_, hr)| *hr != SetHr::default())
            .collect();
        self.sets.extend(settled.iter().copied());
        settled
    }

    /// The heart rate of a set of this session, once settled.
    pub fn set_hr(&self, set: SetId) -> Option<&SetHr> {
        self.sets.get(&set)
    }

    /// Remembers a set's heart rate worked out elsewhere (read back from the store).
    pub fn know_set(&mut self, set: SetId, hr: SetHr) {
        self.sets.insert(set, hr);
    }

    /// The samples waiting for the store, in time order (empty unless it is failing).
    pub fn pending(&self) -> &[HrSample] {
        &self.pending
    }

    /// Whether heart rate waits because the store could not save it.
    pub fn is_unsaved(&self) -> bool {
        self.unsaved.is_some()
    }
}

/// What one sample asks of the caller.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Handed {
    /// Samples and gaps for the store, now.
    pub batch: Option<Batch>,
    /// Sets whose heart rate is now known, for the store.
    pub settled: Vec<(SetId, SetHr)>,
    /// What the lifter must be told.
    pub notice: Option<Notice>,
}

/// A batch of a session that is no longer running came back refused: there is nothing to keep it
/// in any more. Its samples become one gap, to try once; `None` when it held no stretch of
/// samples (a gap that could not be stored is lost).
pub fn after_the_session(batch: &Batch, reason: GapReason) -> Option<HrGap> {
    let from_ms = batch.samples.first()?.offset_ms;
    let to_ms = batch.samples.last()?.offset_ms;
    (to_ms > from_ms).then_some(HrGap {
        from_ms,
        to_ms,
        reason,
    })
}
