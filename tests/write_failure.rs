//! A write that fails (the disk is full) through the real store and the real `update()`: the set
//! stays in the entry line with the reason, nothing partial is stored, the app keeps going.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::*;
use ironpulse::app::effect::{Effect, StoreReply, StoreRequest};
use ironpulse::app::keymap::Command;
use ironpulse::app::state::Startup;
use ironpulse::app::store_worker::{answer, load_startup};
use ironpulse::store::Store;

/// Runs every store effect through the real store and feeds the replies back.
fn run(
    state: &mut ironpulse::app::state::State,
    store: &Store,
    effects: Vec<Effect>,
    at: i64,
) -> Vec<StoreReply> {
    let mut replies = Vec::new();
    for effect in effects {
        if let Effect::Store(request) = effect {
            let answered = answer(store, request);
            replies.push(answered.clone());
            let more = reply(state, answered, at);
            replies.extend(run(state, store, more, at));
        }
    }
    replies
}

#[test]
fn a_full_disk_keeps_the_set_in_the_line_and_stores_nothing_partial() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("full.db")).unwrap();
    store.save_profile(&profile()).unwrap();
    let mut s = state(Startup {
        profile: Some(profile()),
        ..load_startup(&store, chrono::Utc::now().date_naive()).unwrap()
    });

    let effects = cmd(&mut s, Command::StartSession, 0);
    run(&mut s, &store, effects, 0);
    // The picker is open on the catalogue: add the first match for "back squat".
    type_text(&mut s, "back squat");
    let effects = cmd(&mut s, Command::Submit, 1);
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Store(StoreRequest::AddSlot { .. })]
        ),
        "{effects:?}"
    );
    run(&mut s, &store, effects, 1);

    store.limit_pages_for_tests().unwrap();
    let mut logged = 0;
    let failure = loop {
        type_text(&mut s, "100x5x20@8");
        let effects = cmd(&mut s, Command::Submit, 2);
        let replies = run(&mut s, &store, effects, 2);
        match replies.as_slice() {
            [StoreReply::SetsLogged { sets, .. }] => logged += sets.len(),
            [StoreReply::Failed { message, .. }] => break message.clone(),
            other => panic!("unexpected replies {other:?}"),
        }
        assert!(logged < 100_000, "the page limit never bit");
    };
    assert!(failure.contains("the disk is full"), "{failure}");

    let ironpulse::app::state::Screen::Session(screen) = &s.screen else {
        panic!("left the session screen")
    };
    assert_eq!(
        screen.entry.text(),
        "100x5x20@8",
        "what the user typed is still there"
    );
    assert_eq!(
        screen.error.as_ref().unwrap().message,
        format!("not saved: {failure}")
    );
    assert!(!screen.saving, "the line is usable again");

    let stored = store.active_session().unwrap().unwrap();
    assert_eq!(
        stored.set_count(),
        logged,
        "whole batches only: nothing partial"
    );
    assert_eq!(
        s.session.as_ref().unwrap().set_count(),
        logged,
        "the screen shows exactly what is stored"
    );
}
