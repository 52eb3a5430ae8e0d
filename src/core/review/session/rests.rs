//! The rests between a past session's sets, found in its heart rate.

use crate::core::heart::sample::HrSample;
use crate::core::heart::set_hr::set_start;
use crate::core::workout::session::Session;

/// The rests between the session's sets, `(from, to)` in ms since its start, in time order:
/// from each set's end to where the next began ([`set_start`], the rule the live session uses
/// too). `samples` must be in time order.
pub fn rests(session: &Session, samples: &[HrSample]) -> Vec<(u32, u32)> {
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
