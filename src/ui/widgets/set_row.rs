//! One set as a table row: the same columns in the session, history and summary.

use crate::core::set::{Load, SetSpec};
use crate::core::units::{Unit, format_number};

/// Column headings matching `cells`.
pub const HEADINGS: [&str; 6] = ["type", "load", "reps", "RPE", "RIR", "dur."];

/// Column widths matching `cells`.
pub const WIDTHS: [usize; 6] = [7, 10, 4, 4, 4, 5];

/// The cells of a set: kind, load, reps, RPE, RIR, duration.
pub fn cells(spec: &SetSpec, unit: Unit) -> [String; 6] {
    let load = match spec.load {
        Load::None => "—".to_string(),
        Load::External(w) => format!("{} {unit}", w.display(unit)),
        Load::Bodyweight { added, .. } if added.kg() == 0.0 => "bw".to_string(),
        Load::Bodyweight { added, assisted } => format!(
            "bw{}{}",
            if assisted { "−" } else { "+" },
            added.display(unit)
        ),
    };
    let kind = match spec.kind.tag() {
        "" => "work".to_string(),
        _ => spec.kind.code().to_string(),
    };
    [
        kind,
        load,
        spec.reps.map_or(String::new(), |r| r.get().to_string()),
        spec.effort
            .map_or(String::new(), |e| format_number(e.rpe().value())),
        spec.effort
            .map_or(String::new(), |e| format_number(e.rir().value())),
        spec.duration
            .map_or(String::new(), |d| format!("{}s", d.get())),
    ]
}

/// The cells laid out in fixed-width columns.
pub fn line(spec: &SetSpec, unit: Unit) -> String {
    join(&cells(spec, unit))
}

/// Headings laid out like `line`.
pub fn heading() -> String {
    join(&HEADINGS.map(str::to_string))
}

fn join(cells: &[String; 6]) -> String {
    cells
        .iter()
        .zip(WIDTHS)
        .map(|(c, w)| format!("{c:<w$}"))
        .collect::<Vec<_>>()
        .join(" ")
}
