//! What to ask about a session still running: resume it after a restart, or — when nothing was
//! logged in it for over an hour (`core::workout::session::IDLE_GAP`) — finish it where it stopped and
//! start a new one, so a session left open for days never counts the days.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::confirm::{Confirm, ConfirmAction};
use crate::core::words::count;
use crate::core::workout::session::Session;

/// The question at start for the unfinished `session`; `None` for one without a set (it is
/// picked up, or discarded, when the lifter next starts a session).
pub fn at_start(session: &Session, now: DateTime<Utc>, offset: FixedOffset) -> Option<Confirm> {
    if session.set_count() == 0 {
        return None;
    }
    if let Some(question) = idle(session, now, offset, ConfirmAction::ResumeSession) {
        return Some(question);
    }
    Some(Confirm::ask(
        format!(
            "An unfinished session started {} with {} was found. Resume it?",
            session
                .started_at
                .with_timezone(&offset)
                .format("%a %d %b %H:%M"),
            count(session.set_count(), "set", "sets")
        ),
        "resume",
        "finish it later",
        ConfirmAction::ResumeSession,
    ))
}

/// For a running `session` idle since its last activity: finish it there and start a new one
/// (yes), or carry on with it and do `carry_on` (no). `None` when it is not idle.
pub fn idle(
    session: &Session,
    now: DateTime<Utc>,
    offset: FixedOffset,
    carry_on: ConfirmAction,
) -> Option<Confirm> {
    let last = session.idle_since(now)?;
    let local = |at: DateTime<Utc>| at.with_timezone(&offset);
    let at = if local(last).date_naive() == local(now).date_naive() {
        local(last).format("%H:%M").to_string()
    } else {
        local(last).format("%a %d %b %H:%M").to_string()
    };
    Some(Confirm {
        message: format!(
            "The session started {} ({}, {} trained) has had nothing logged since {at} — {} ago. \
             Finish it at {at} and start a new one?",
            local(session.started_at).format("%a %d %b %H:%M"),
            count(session.set_count(), "set", "sets"),
            crate::core::words::duration(session.duration(now)),
            ago(now - last),
        ),
        yes: "finish it, start a new one",
        no: "continue it",
        on_yes: ConfirmAction::FinishIdle { at: last },
        on_no: Some(carry_on),
    })
}

/// "75 min", "5 h", "3 days": how long ago, to the unit a lifter would say.
fn ago(gap: Duration) -> String {
    if gap < Duration::hours(2) {
        format!("{} min", gap.num_minutes())
    } else if gap < Duration::hours(48) {
        format!("{} h", gap.num_hours())
    } else {
        format!("{} days", (gap.num_hours() + 12) / 24)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ago_reads_as_a_lifter_says_it() {
        assert_eq!(ago(Duration::minutes(75)), "75 min");
        assert_eq!(ago(Duration::hours(15)), "15 h");
        assert_eq!(ago(Duration::hours(72)), "3 days");
        assert_eq!(ago(Duration::hours(71)), "3 days", "to the nearest day");
    }
}
