//! What the store just changed in a session, said in the status line: a deleted or edited set,
//! saved notes, a superset made or undone, an exercise moved. Told from the session before and
//! after the commit, so the line never claims what did not happen (nor keeps "Logged …" about a
//! set that was deleted since).

use crate::core::units::Unit;
use crate::core::workout::session::{Session, Slot};
use crate::core::workout::shorthand;

/// The sentence for the change from `old` to `new`, or `None` when nothing the lifter did shows.
pub fn describe(old: &Session, new: &Session, unit: Unit) -> Option<String> {
    let set = |spec| shorthand::format(spec, unit);
    for slot in &new.slots {
        let Some(before) = old.slots.iter().find(|s| s.id == slot.id) else {
            continue;
        };
        if let Some(gone) = before
            .sets
            .iter()
            .find(|b| slot.sets.iter().all(|s| s.id != b.id))
        {
            return Some(format!("Deleted {} {}.", slot.name, set(&gone.spec)));
        }
        if let Some((was, now)) = before.sets.iter().find_map(|b| {
            let now = slot.sets.iter().find(|s| s.id == b.id)?;
            (now.spec != b.spec).then_some((b, now))
        }) {
            return Some(format!(
                "Saved: {} {} → {}.",
                slot.name,
                set(&was.spec),
                set(&now.spec)
            ));
        }
        if slot.notes != before.notes {
            return Some(if slot.notes.is_empty() {
                format!("Notes of {} cleared.", slot.name)
            } else {
                format!("Notes of {} saved.", slot.name)
            });
        }
        if slot.superset != before.superset {
            return Some(superset(new, slot));
        }
    }
    if let Some(gone) = old
        .slots
        .iter()
        .find(|b| new.slots.iter().all(|s| s.id != b.id))
    {
        return Some(format!("Removed {}.", gone.name));
    }
    let order = |s: &Session| s.slots.iter().map(|s| s.id).collect::<Vec<_>>();
    (order(old) != order(new)).then(|| "Exercises reordered.".to_string())
}

/// "Back Squat and Romanian Deadlift are a superset." or "Back Squat left its superset."
fn superset(session: &Session, slot: &Slot) -> String {
    let Some(group) = slot.superset else {
        return format!("{} left its superset.", slot.name);
    };
    let names: Vec<&str> = session
        .slots
        .iter()
        .filter(|s| s.superset == Some(group))
        .map(|s| s.name.as_str())
        .collect();
    match names.as_slice() {
        [one] => format!("{one} starts a superset: add the next exercise to it."),
        [rest @ .., last] => format!("{} and {last} are a superset.", rest.join(", ")),
        [] => String::new(),
    }
}
