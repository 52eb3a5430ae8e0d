//! Taking a deload from the dashboard: one key asks to start a deload week today, or, while one
//! runs, to end it early. The store records it; the deload check, and the running session's
//! coaching, then reload.

use chrono::{Days, NaiveDate};

use super::{Effect, Modal, State, say};
use crate::app::confirm::{Confirm, ConfirmAction};
use crate::app::state::read_only_refusal;
use crate::app::store_worker::{DeloadReply, DeloadRequest, ReviewRequest};
use crate::core::strength::deload::{DeloadWeek, PLAN};
use crate::core::strength::progression::deload_sets;

/// "Fri 21 Nov".
fn show(day: NaiveDate) -> String {
    day.format("%a %-d %b").to_string()
}

/// The deload key: offer to start a deload week today, or to end the running one early — on a
/// database that cannot be written, say at once that neither can be recorded.
pub fn ask(state: &mut State) {
    if let Some(why) = &state.read_only {
        let refusal = read_only_refusal(why, "no deload week can be recorded");
        say(state, refusal, true);
        return;
    }
    let today = state.now.date_naive();
    let confirm = match state.deload_week.as_ref().filter(|d| d.covers(today)) {
        Some(running) if running.start == today => Confirm::ask(
            "Cancel the deload week you started today? It is removed from your history.".into(),
            "cancel it",
            "keep it",
            ConfirmAction::EndDeload(running.id),
        ),
        Some(running) => Confirm::ask(
            format!(
                "End the deload early? It will have run {} – {}; you train normally from today.",
                show(running.start),
                show(today.pred_opt().unwrap_or(today)),
            ),
            "end it",
            "keep it",
            ConfirmAction::EndDeload(running.id),
        ),
        None => {
            let end = today
                .checked_add_days(Days::new(u64::from(PLAN.days) - 1))
                .unwrap_or(today);
            Confirm::ask(
                format!(
                    "Start a deload week? Deload {} – {}: cut volume by ~{} % ({} of every 3 \
                     working sets, at your usual loads).",
                    show(today),
                    show(end),
                    PLAN.volume_cut_percent,
                    deload_sets(3),
                ),
                "start it",
                "not now",
                ConfirmAction::StartDeload { start: today, end },
            )
        }
    };
    state.modal = Some(Modal::Confirm(confirm));
}

/// A deload week was recorded: the dashboard follows it now, the signals after the reload.
fn started(state: &mut State, week: DeloadWeek) -> Vec<Effect> {
    say(
        state,
        format!(
            "Deload week recorded: {} – {}.",
            show(week.start),
            show(week.last_day())
        ),
        false,
    );
    state.deload_week = Some(week);
    reload(state)
}

/// A deload was ended early (`None`: it started today and was removed).
fn ended(state: &mut State, week: Option<&DeloadWeek>) -> Vec<Effect> {
    let message = match week {
        Some(week) => format!(
            "Deload ended: it ran {} – {}.",
            show(week.start),
            show(week.last_day())
        ),
        None => "Deload cancelled.".to_string(),
    };
    say(state, message, false);
    state.deload_week = None;
    reload(state)
}

/// The deload check and insights again; and with a session running, its exercises' coaching,
/// so the plan of the lifts already in it follows the deload too.
fn reload(state: &State) -> Vec<Effect> {
    let mut effects = check_again(state);
    effects.extend(super::session::recoach(state));
    effects
}

/// Reload the dashboard's deload check and insights as of today: what they read has changed.
pub fn check_again(state: &State) -> Vec<Effect> {
    let today = state.now.date_naive();
    vec![
        Effect::Store(DeloadRequest::Check { today }.into()),
        Effect::Store(ReviewRequest::Insights { today }.into()),
    ]
}

/// The store answered a deload request.
pub fn stored(state: &mut State, reply: DeloadReply) -> Vec<Effect> {
    match reply {
        DeloadReply::Checked { advice, current } => {
            state.deload = Some(advice);
            state.deload_week = current;
            Vec::new()
        }
        DeloadReply::Started(week) => started(state, week),
        DeloadReply::Ended(week) => ended(state, week.as_ref()),
    }
}
