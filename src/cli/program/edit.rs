//! `program edit` (in $EDITOR, a new version when the text changed and reads) and
//! `program history` (versions and the modification history).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

use chrono::Utc;
use ironpulse::core::program::parse;
use ironpulse::core::program::template::{DoneLift, from_session};
use ironpulse::read::program_lifter::find as find_exercise;
use ironpulse::store::Store;

use super::find::{self, Origin};
use crate::cli::{Context, Failure, output};

fn store_error(doing: &'static str) -> impl Fn(ironpulse::store::StoreError) -> Failure {
    move |e| Failure::from_store(e, doing)
}

/// The editor to run: $VISUAL, else $EDITOR, else vi.
fn editor() -> String {
    std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".into())
}

pub fn edit(ctx: &Context, name: &str) -> Result<(), Failure> {
    let store = Store::open(&ctx.db_path()?).map_err(store_error("open the database"))?;
    let found = find::find(Some(&store), name)?;
    let id = find::keep(
        &store,
        &found,
        "copied from the built-in library to edit",
        Utc::now(),
    )?;
    let Some(edited) = in_editor(&store, &found.text, &format!("{}", id.0))? else {
        return output::line(format!("{}: no change.", found.program.meta.name));
    };
    let now = Utc::now();
    let version = store
        .add_program_version(id, &edited.name, &edited.text, "edited", now)
        .map_err(store_error("save the new version"))?;
    store
        .record_program_edit(id, &format!("edited: version {version}"), now)
        .map_err(store_error("record the edit"))?;
    edited.done();
    let running = store
        .running_program()
        .map_err(store_error("read the running program"))?;
    let note = match running {
        Some(run) if run.program.id == id => {
            store
                .use_program_version(run.id, id)
                .map_err(store_error("move the running program to the new version"))?;
            " The running program follows it from its next day."
        }
        _ => "",
    };
    output::line(format!(
        "{}: saved as version {version}.{note}",
        edited.name
    ))
}

/// `program new NAME`: a program of your own written from a skeleton in the editor.
pub fn new(ctx: &Context, name: &str) -> Result<(), Failure> {
    if name.trim().is_empty() || name.contains(['\n', '\r']) {
        return Err(Failure::Usage(
            "name the program, e.g. `ironpulse program new \"My upper lower\"`".into(),
        ));
    }
    let store = Store::open(&ctx.db_path()?).map_err(store_error("open the database"))?;
    let skeleton = format!(
        "# Your program: README \"Programs\" has the format; lines starting with # are comments.\n\
         program: {}\nlevel: novice\ngoal: strength\ndays: 3\nschedule: rotate\n\n\
         day A\n  Squat: 3x5; start 60kg; rest 3m; progress linear +2.5kg fails 3 reset 10%\n\
         \nday B\n  Deadlift: 1x5; start 80kg; rest 3m; progress linear +5kg fails 3 reset 10%\n",
        name.trim()
    );
    let Some(edited) = in_editor(&store, &skeleton, "new")? else {
        return output::line("Nothing saved: the skeleton was not changed.");
    };
    store
        .create_program(
            &edited.name,
            None,
            &edited.text,
            "written from scratch",
            Utc::now(),
        )
        .map_err(store_error("save the program"))?;
    edited.done();
    output::line(format!(
        "Saved your program {:?}. `ironpulse program show {:?}` previews it with your loads.",
        edited.name, edited.name
    ))
}

/// `program delete NAME`: one of yours deleted, or archived when it was ever run (its history
/// stays true).
pub fn delete(ctx: &Context, name: &str) -> Result<(), Failure> {
    let store = Store::open(&ctx.db_path()?).map_err(store_error("open the database"))?;
    let found = find::find(Some(&store), name)?;
    let Origin::Stored(p) = found.origin else {
        return Err(Failure::Usage(format!(
            "{} is a built-in: only your own programs can be deleted",
            found.program.meta.name
        )));
    };
    if store
        .running_program()
        .map_err(store_error("read the running program"))?
        .is_some_and(|run| run.program.id == p.id)
    {
        return Err(Failure::Usage(format!(
            "{} is running: `ironpulse program finish` or `abandon` it first",
            p.name
        )));
    }
    let deleted = store
        .delete_program(p.id)
        .map_err(store_error("delete the program"))?;
    output::line(if deleted {
        format!("Deleted {}.", p.name)
    } else {
        format!("Archived {}: it was run, so its history is kept.", p.name)
    })
}

/// A program's text as edited in the editor, checked; the file it was edited in.
struct Edited {
    name: String,
    text: String,
    file: PathBuf,
}

impl Edited {
    /// Saved: the file is not needed any more.
    fn done(&self) {
        let _ = std::fs::remove_file(&self.file);
    }
}

/// Opens `text` in the editor; None when it comes back unchanged. A syntax error or an unknown
/// exercise saves nothing and keeps the edit in its file, named in the message.
fn in_editor(store: &Store, text: &str, tag: &str) -> Result<Option<Edited>, Failure> {
    let file: PathBuf = std::env::temp_dir().join(format!(
        "ironpulse-program-{tag}-{}.txt",
        std::process::id()
    ));
    std::fs::write(&file, text)
        .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", file.display())))?;
    let editor = editor();
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = Command::new(program)
        .args(words)
        .arg(&file)
        .status()
        .map_err(|e| {
            Failure::Usage(format!(
                "cannot run the editor {editor:?} ({e}); set EDITOR"
            ))
        })?;
    if !status.success() {
        return Err(Failure::Usage(format!(
            "the editor {editor:?} exited with {status}; nothing was saved (your text is in {})",
            file.display()
        )));
    }
    let edited = std::fs::read_to_string(&file)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", file.display())))?;
    if edited == text {
        let _ = std::fs::remove_file(&file);
        return Ok(None);
    }
    let parsed = parse(&edited).map_err(|e| {
        Failure::Usage(format!(
            "{e}\nNothing was saved. Your edit is in {}: fix it there and run `ironpulse program validate {}`, or edit again.",
            file.display(),
            file.display()
        ))
    })?;
    let exercises = store
        .exercises()
        .map_err(store_error("read your exercises"))?;
    if let Some(line) = parsed
        .weeks
        .iter()
        .flat_map(|w| &w.days)
        .flat_map(|d| &d.lines)
        .find(|l| find_exercise(&exercises, &l.exercise).is_none())
    {
        return Err(Failure::Usage(format!(
            "line {}: no exercise is called {:?}\nNothing was saved. Your edit is in {}.",
            line.at,
            line.exercise,
            file.display()
        )));
    }
    Ok(Some(Edited {
        name: parsed.meta.name,
        text: edited,
        file,
    }))
}

pub fn history(ctx: &Context, name: &str) -> Result<(), Failure> {
    let store = super::Lifting::open(ctx)?.store;
    let found = find::find(Some(&store), name)?;
    let Origin::Stored(p) = found.origin else {
        return output::line(format!(
            "{} is a built-in you have not started or edited: it has no history of yours yet.",
            found.program.meta.name
        ));
    };
    let versions = store
        .program_versions(p.id)
        .map_err(store_error("read the versions"))?;
    let changes = store
        .program_changes(p.id)
        .map_err(store_error("read the changes"))?;
    let mut out = format!("{}\n\nVersions\n", p.name);
    for v in &versions {
        let _ = writeln!(out, "  {:>3}  {}  {}", v.version, v.at.date_naive(), v.note);
    }
    if !changes.is_empty() {
        out.push_str("\nChanges\n");
        for c in &changes {
            let _ = writeln!(
                out,
                "  {}  {:<11} {:<10} {}{}",
                c.at.date_naive(),
                c.kind,
                c.status,
                c.slot.as_ref().map_or(String::new(), |s| format!("{s}: ")),
                c.reason
            );
        }
    }
    output::text(&out)
}

/// `program save-session NAME [--session ID]`: a finished session kept as a one-day program.
pub fn save_session(ctx: &Context, name: &str, session: Option<i64>) -> Result<(), Failure> {
    let store = Store::open(&ctx.db_path()?).map_err(store_error("open the database"))?;
    let name = name.trim();
    if name.is_empty() || name.contains(['\n', '\r']) {
        return Err(Failure::Usage(
            "name the program, e.g. `ironpulse program save-session \"Monday legs\"`".into(),
        ));
    }
    if let Ok(found) = find::find(Some(&store), name)
        && ironpulse::core::workout::catalogue::match_key(&found.program.meta.name)
            == ironpulse::core::workout::catalogue::match_key(name)
    {
        return Err(Failure::Usage(format!(
            "a program is already called {:?}: choose another name",
            found.program.meta.name
        )));
    }
    let id = match session {
        Some(id) => ironpulse::core::workout::session::SessionId(id),
        None => store
            .recent_sessions(20, 0)
            .map_err(store_error("read your sessions"))?
            .into_iter()
            .find(|s| s.status == ironpulse::core::workout::session::SessionStatus::Finished)
            .map(|s| s.id)
            .ok_or_else(|| Failure::Usage("no finished session to save yet".into()))?,
    };
    let session = store
        .session(id)
        .map_err(store_error("read the session"))?
        .ok_or_else(|| Failure::Usage(format!("no session {} (History lists them)", id.0)))?;
    let unit = super::super::recommend::profile_or_default(&store)?.unit;
    let sets: Vec<Vec<ironpulse::core::workout::set::SetSpec>> = session
        .slots
        .iter()
        .map(|slot| slot.sets.iter().map(|s| s.spec).collect())
        .collect();
    let lifts: Vec<DoneLift<'_>> = session
        .slots
        .iter()
        .zip(&sets)
        .map(|(slot, sets)| DoneLift {
            exercise: &slot.name,
            sets,
        })
        .collect();
    let origin = format!(
        "saved from the session of {}",
        session.started_at.date_naive()
    );
    let program = from_session(name, &session.title, &origin, &lifts, unit);
    if program.weeks[0].days[0].lines.is_empty() {
        return Err(Failure::Usage(format!(
            "session {} has no working set to keep as a program",
            id.0
        )));
    }
    let text = program.to_string();
    store
        .create_program(name, None, &text, &origin, Utc::now())
        .map_err(store_error("save the program"))?;
    output::line(format!(
        "Saved as your program {name:?} ({}). `ironpulse program edit {name:?}` adds rules and days; `ironpulse program start {name:?}` runs it.",
        ironpulse::core::words::count(program.weeks[0].days[0].lines.len(), "lift", "lifts")
    ))
}
