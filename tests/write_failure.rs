//! A write that fails (the disk is full) through the real store and the real `update()`: the set
//! stays in the entry line with the reason, nothing partial is stored, the app keeps going.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::*;
use ironpulse::app::effect::Effect;
use ironpulse::app::keymap::Command;
use ironpulse::app::state::Startup;
use ironpulse::app::store_worker::{
    HrReply, SessionReply, SessionRequest, StoreReply, StoreRequest, answer,
};
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
        ..Startup::read(&store, chrono::Utc::now().date_naive()).unwrap()
    });

    let effects = cmd(&mut s, Command::StartSession, 0);
    run(&mut s, &store, effects, 0);
    // The picker is open on the catalogue: add the first match for "back squat".
    type_text(&mut s, "back squat");
    let effects = cmd(&mut s, Command::Submit, 1);
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Store(StoreRequest::Session(
                SessionRequest::AddSlot { .. }
            ))]
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
            [StoreReply::Session(SessionReply::SetsLogged { sets, .. })] => logged += sets.len(),
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
    let mut s = state(Startup::read(&store, t(0).date_naive()).unwrap());
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
    // Everything that would change it is refused at the key, before a question, an editable
    // form or a write: what cannot be done, and why.
    let at_once = |what: &str| format!("Read-only database: {what} — the file is read-only.");
    // `s`: no session, the reason on the status line, nothing asked of the store.
    let effects = cmd(&mut s, Command::StartSession, 1);
    assert_eq!(effects, vec![]);
    assert!(s.session.is_none());
    assert!(matches!(s.screen, Screen::Dashboard));
    assert_eq!(
        s.status.as_ref().map(|st| st.text.clone()),
        Some(at_once("no session can be started"))
    );
    // Starting a deload week: no question, nothing recorded.
    assert_eq!(cmd(&mut s, Command::Deload, 2), vec![]);
    assert!(s.modal.is_none(), "no question first: {:?}", s.modal);
    assert_eq!(
        s.status.as_ref().map(|st| st.text.clone()),
        Some(at_once("no deload week can be recorded"))
    );
    assert_eq!(s.deload_week, None);

    // Settings: shown, but typing and saving are refused at the key.
    cmd(&mut s, Command::Settings, 3);
    let Screen::Settings(before) = s.screen.clone() else {
        panic!("settings are shown: {:?}", s.screen)
    };
    type_text(&mut s, "90");
    let mut effects = Vec::new();
    for _ in 0..11 {
        effects.extend(cmd(&mut s, Command::Submit, 3));
    }
    assert_eq!(effects, vec![], "nothing is saved");
    let Screen::Settings(form) = &s.screen else {
        panic!("left the settings: {:?}", s.screen)
    };
    assert_eq!(
        form.fields, before.fields,
        "nothing typed went into the form"
    );
    assert_eq!(
        s.status.as_ref().map(|st| st.text.clone()),
        Some(at_once("settings cannot be changed"))
    );

    history_refuses_each_change_at_the_key(&mut s, &store);
    drop(store);
    let check = ironpulse::store::check(&path).unwrap();
    assert_eq!((check.sessions, check.sets), (1, 1), "nothing changed");
}

/// History on a read-only database: the session opens; deleting it, deleting a set or editing
/// one is refused at the key.
fn history_refuses_each_change_at_the_key(s: &mut ironpulse::app::state::State, store: &Store) {
    use ironpulse::app::state::Screen;
    let at_once = |what: &str| format!("Read-only database: {what} — the file is read-only.");
    // History reviews the session; deleting it, deleting a set or editing one is refused at
    // the key.
    cmd(s, Command::Back, 4);
    let effects = cmd(s, Command::History, 4);
    run(s, store, effects, 4);
    assert_eq!(cmd(s, Command::Delete, 4), vec![]);
    assert!(s.modal.is_none(), "no question first: {:?}", s.modal);
    assert_eq!(
        s.status.as_ref().map(|st| st.text.clone()),
        Some(at_once("nothing can be deleted"))
    );
    let effects = cmd(s, Command::Submit, 5);
    run(s, store, effects, 5);
    let Screen::History(history) = &s.screen else {
        panic!("{:?}", s.screen)
    };
    let detail = history.detail.as_ref().expect("the session opens");
    assert_eq!(detail.session.set_count(), 1);
    for (key, what) in [
        (Command::EditSet, "sets cannot be edited"),
        (Command::Submit, "sets cannot be edited"),
        (Command::Delete, "nothing can be deleted"),
    ] {
        assert_eq!(cmd(s, key, 6), vec![]);
        let Screen::History(history) = &s.screen else {
            panic!("{:?}", s.screen)
        };
        assert!(
            history.detail.as_ref().is_some_and(|d| d.edit.is_none()),
            "no edit line"
        );
        assert!(s.modal.is_none(), "no question first: {:?}", s.modal);
        assert_eq!(
            s.status.as_ref().map(|st| st.text.clone()),
            Some(at_once(what))
        );
    }
}

/// A session running on `store` (on disk), with the state that logs into it.
fn running_session(dir: &std::path::Path) -> (Store, ironpulse::app::state::State) {
    let store = Store::open(&dir.join("hr.db")).unwrap();
    store.save_profile(&profile()).unwrap();
    let mut s = state(Startup {
        profile: Some(profile()),
        ..Startup::read(&store, t(0).date_naive()).unwrap()
    });
    let effects = cmd(&mut s, Command::StartSession, 0);
    run(&mut s, &store, effects, 0);
    assert!(s.session.is_some());
    (store, s)
}

/// One heart-rate sample at `second` of the session, through `update()` and the store.
fn beat(s: &mut ironpulse::app::state::State, store: &Store, second: i64) -> Vec<StoreReply> {
    use ironpulse::core::heart::hrm::Contact;
    let event = ironpulse::hr::HrEvent::Sample {
        at: std::time::Duration::from_secs(second.unsigned_abs()),
        bpm: ironpulse::core::units::Bpm::try_from(100 + (second % 40) as u32).ok(),
        rr_ms: vec![600.0],
        contact: Contact::Detected,
        energy_kj: None,
    };
    let effects =
        ironpulse::app::update::update(s, ironpulse::app::action::Action::Hr(event), t(second));
    run(s, store, effects, second)
}

/// The offsets (s) of the heart rate stored for the running session.
fn stored_seconds(s: &ironpulse::app::state::State, store: &Store) -> Vec<u32> {
    let session = s.session.as_ref().unwrap().id;
    store
        .session_hr(session)
        .unwrap()
        .samples
        .iter()
        .map(|x| x.offset_ms / 1000)
        .collect()
}

fn status(s: &ironpulse::app::state::State) -> Option<String> {
    s.status.as_ref().map(|st| st.text.clone())
}

#[test]
fn heart_rate_a_full_disk_refused_is_kept_retried_and_stored_once_when_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut s) = running_session(dir.path());
    for second in 1..=5 {
        assert_eq!(
            beat(&mut s, &store, second),
            [StoreReply::Hr(HrReply::Appended)]
        );
    }
    store.limit_pages_for_tests().unwrap();
    // Each sample is its own write; the first that needs a new page fails.
    let mut second = 5;
    let failed_at = loop {
        second += 1;
        match beat(&mut s, &store, second).as_slice() {
            [StoreReply::Hr(HrReply::Appended)] => {}
            [StoreReply::Hr(HrReply::NotSaved(batch))] if batch.retry => break second,
            other => panic!("unexpected replies {other:?}"),
        }
        assert!(second < 100_000, "the page limit never bit");
    };
    assert_eq!(
        status(&s).as_deref(),
        Some(
            "Heart rate not saved: the disk is full. It is kept (up to 30 min) and saved as soon \
             as it can be."
        )
    );
    // Until the next try is due (5 s), new samples wait with it: nothing is sent.
    for second in failed_at + 1..failed_at + 5 {
        assert_eq!(beat(&mut s, &store, second), [], "second {second}");
    }
    // The try at 5 s fails again: said once, not at every try.
    s.status = None;
    let replies = beat(&mut s, &store, failed_at + 5);
    assert!(
        matches!(replies.as_slice(), [StoreReply::Hr(HrReply::NotSaved(batch))] if batch.samples.len() == 6),
        "{replies:?}"
    );
    assert_eq!(status(&s), None, "not said again");

    // Room again: the next try stores everything that waited, once, in order.
    store.free_pages_for_tests().unwrap();
    for second in failed_at + 6..failed_at + 10 {
        assert_eq!(beat(&mut s, &store, second), []);
    }
    assert_eq!(
        beat(&mut s, &store, failed_at + 10),
        [StoreReply::Hr(HrReply::Appended)]
    );
    assert_eq!(
        status(&s).as_deref(),
        Some("Heart rate is being saved again.")
    );
    assert_eq!(
        beat(&mut s, &store, failed_at + 11),
        [StoreReply::Hr(HrReply::Appended)]
    );
    let expected: Vec<u32> = (1..=(failed_at + 11) as u32).collect();
    assert_eq!(
        stored_seconds(&s, &store),
        expected,
        "every sample, each once"
    );
    assert!(s.heart.live.log().pending().is_empty());
}

#[test]
fn heart_rate_past_half_an_hour_unsaved_is_given_up_as_one_gap_saying_why() {
    use ironpulse::core::heart::sample::{GapReason, HrGap};
    let dir = tempfile::tempdir().unwrap();
    let (store, mut s) = running_session(dir.path());
    store.limit_pages_for_tests().unwrap();
    let mut second = 0;
    let failed_at = loop {
        second += 1;
        if let [StoreReply::Hr(HrReply::NotSaved(_))] = beat(&mut s, &store, second).as_slice() {
            break second;
        }
        assert!(second < 100_000, "the page limit never bit");
    };
    // Forty minutes of a full disk at 1 Hz.
    let mut told = Vec::new();
    for second in failed_at + 1..=failed_at + 2_400 {
        s.status = None;
        beat(&mut s, &store, second);
        told.extend(status(&s));
    }
    let last = failed_at + 2_400;
    assert_eq!(
        told,
        [format!(
            "Heart rate from {} on could not be saved (the disk was full) and is recorded as a gap.",
            (t(0) + chrono::TimeDelta::seconds(failed_at)).format("%H:%M:%S")
        )],
        "told once"
    );
    let waiting = s.heart.live.log().pending();
    assert_eq!(
        waiting.last().unwrap().offset_ms - waiting[0].offset_ms,
        1_800_000,
        "the newest half hour waits, no more"
    );

    store.free_pages_for_tests().unwrap();
    let mut second = last;
    while s.heart.live.log().is_unsaved() {
        second += 1;
        beat(&mut s, &store, second);
        assert!(second < last + 10, "never saved again");
    }
    // Until that last try, each new sample pushed the oldest out of the half hour.
    let kept_from = second - 1 - 1_800;
    let stored = stored_seconds(&s, &store);
    let expected: Vec<u32> = (1..failed_at as u32)
        .chain(kept_from as u32..=second as u32)
        .collect();
    assert!(
        stored == expected,
        "stored {} samples ({:?}…{:?}), expected {} ({}…{second} without {failed_at}…{})",
        stored.len(),
        &stored[..3],
        &stored[stored.len() - 3..],
        expected.len(),
        1,
        kept_from - 1
    );
    let session = s.session.as_ref().unwrap().id;
    assert_eq!(
        store.session_hr(session).unwrap().gaps,
        [HrGap {
            from_ms: failed_at as u32 * 1000,
            to_ms: kept_from as u32 * 1000,
            reason: GapReason::DiskFull,
        }],
        "one gap from the first sample given up to the first kept, saying why"
    );
}
