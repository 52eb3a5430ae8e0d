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

/// What a refused change says on a database whose file is read-only.
fn refused(path: &std::path::Path) -> String {
    format!(
        "{0} cannot be written: the file is read-only. Nothing was saved. Fix: chmod u+w {0} (as \
         its owner), or copy the database to a writable place and use --db.",
        path.display()
    )
}

#[test]
fn a_read_only_database_reviews_and_refuses_each_change_where_the_lifter_is_looking() {
    use ironpulse::app::state::{Screen, Status};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.db");
    {
        let store = Store::open(&path).unwrap();
        store.save_profile(&profile()).unwrap();
        let squat = store
            .exercises()
            .unwrap()
            .into_iter()
            .find(|e| e.name == "Back Squat");
        let session = store.start_session(t(-3_600), "Legs").unwrap();
        let slot = store.add_slot(session, squat.unwrap().id).unwrap();
        store
            .log_sets(slot.id, &[spec(100.0, 5, Some(8.0))], t(-3_000))
            .unwrap();
        store
            .finish_session(session, t(-2_400), Some(8), "")
            .unwrap();
    }
    let why = ironpulse::store::ReadOnly::File(path.clone());
    let store = Store::open_read_only(&path, why.clone()).unwrap();
    let mut s = state(load_startup(&store, t(0).date_naive()).unwrap());
    assert_eq!(s.read_only, Some(why));
    assert_eq!(
        s.status,
        Some(Status {
            text: "Read-only database: reviewing only — the file is read-only. Nothing can be \
                   logged or changed."
                .into(),
            error: true
        }),
        "it says so at once"
    );
    let refused = refused(&path);

    // `s`: no session, the reason on the status line.
    let effects = cmd(&mut s, Command::StartSession, 1);
    run(&mut s, &store, effects, 1);
    assert!(s.session.is_none());
    assert!(matches!(s.screen, Screen::Dashboard));
    assert_eq!(
        s.status.as_ref().map(|st| st.text.as_str()),
        Some(refused.as_str())
    );

    // Starting a deload week: the same words, nothing recorded.
    cmd(&mut s, Command::Deload, 2);
    let effects = cmd(&mut s, Command::Yes, 2);
    assert!(!effects.is_empty(), "the deload was asked for");
    run(&mut s, &store, effects, 2);
    assert_eq!(
        s.status.as_ref().map(|st| st.text.as_str()),
        Some(refused.as_str())
    );
    assert_eq!(s.deload_week, None);

    // Settings: the form stays, with the reason under it.
    cmd(&mut s, Command::Settings, 3);
    let mut effects = Vec::new();
    for _ in 0..11 {
        effects.extend(cmd(&mut s, Command::Submit, 3));
    }
    assert!(!effects.is_empty(), "the form was submitted");
    run(&mut s, &store, effects, 3);
    let Screen::Settings(form) = &s.screen else {
        panic!("left the settings: {:?}", s.screen)
    };
    assert_eq!(form.error, Some(format!("not saved: {refused}")));

    // History reviews the session; editing one of its sets is refused in the edit line.
    cmd(&mut s, Command::Back, 4);
    let effects = cmd(&mut s, Command::History, 4);
    run(&mut s, &store, effects, 4);
    let effects = cmd(&mut s, Command::Submit, 5);
    run(&mut s, &store, effects, 5);
    let Screen::History(history) = &s.screen else {
        panic!("{:?}", s.screen)
    };
    let detail = history.detail.as_ref().expect("the session opens");
    assert_eq!(detail.session.set_count(), 1);
    cmd(&mut s, Command::EditSet, 6);
    type_text(&mut s, "105x5");
    let effects = cmd(&mut s, Command::Submit, 6);
    run(&mut s, &store, effects, 6);
    let Screen::History(history) = &s.screen else {
        panic!("{:?}", s.screen)
    };
    let edit = history.detail.as_ref().and_then(|d| d.edit.as_ref());
    assert_eq!(
        edit.and_then(|e| e.error.as_ref())
            .map(|e| e.message.clone()),
        Some(format!("not saved: {refused}"))
    );
    drop(store);
    let check = ironpulse::store::check(&path).unwrap();
    assert_eq!((check.sessions, check.sets), (1, 1), "nothing changed");
}
