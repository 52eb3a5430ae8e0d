//! Sets as a table: the same columns in the session and in History, each as wide as its widest
//! cell, so every column reads whole at every width.
//!
//! A column no set fills (a duration when nothing was timed) is left out. When the table is still
//! wider than its panel, columns that repeat or add detail step aside in a fixed order — RIR
//! first (it is always 10 − RPE), then the time of day — rather than being cut.

use crate::core::units::{Bpm, Unit, format_number};
use crate::core::workout::set::{Load, SetSpec};
use crate::ui::text::{truncate, width};

/// One column: its heading, a cell per row, and when it steps aside for a narrow panel (lower
/// first; `None` never).
#[derive(Debug, Clone)]
pub struct Column {
    pub heading: &'static str,
    pub cells: Vec<String>,
    pub steps_aside: Option<u8>,
}

impl Column {
    pub fn new(heading: &'static str, cells: Vec<String>) -> Self {
        Self {
            heading,
            cells,
            steps_aside: None,
        }
    }

    /// The same column, stepping aside at `rank` when the table is too wide.
    #[must_use]
    pub fn optional(mut self, rank: u8) -> Self {
        self.steps_aside = Some(rank);
        self
    }

    fn width(&self) -> usize {
        self.cells
            .iter()
            .map(|c| width(c))
            .chain([width(self.heading)])
            .max()
            .unwrap_or(0)
    }
}

/// A table laid out for a width: the heading line and one line per row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub heading: String,
    pub rows: Vec<String>,
}

/// Lays `columns` (all with the same number of cells) out in at most `columns_wide` columns:
/// two spaces apart when that fits, else one, else with optional columns stepping aside.
pub fn table(columns: Vec<Column>, columns_wide: usize) -> Table {
    let mut columns: Vec<Column> = columns
        .into_iter()
        .filter(|c| c.cells.is_empty() || c.cells.iter().any(|cell| !cell.is_empty()))
        .collect();
    let total = |columns: &[Column], gap: usize| {
        columns.iter().map(Column::width).sum::<usize>() + gap * columns.len().saturating_sub(1)
    };
    let gap = if total(&columns, 2) <= columns_wide {
        2
    } else {
        1
    };
    while total(&columns, gap) > columns_wide {
        let Some(at) = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.steps_aside.map(|rank| (rank, i)))
            .min()
            .map(|(_, i)| i)
        else {
            break;
        };
        columns.remove(at);
    }
    let widths: Vec<usize> = columns.iter().map(Column::width).collect();
    let separator = " ".repeat(gap);
    let line = |cell: &dyn Fn(&Column) -> &str| {
        let text = columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let cell = cell(c);
                format!("{cell}{}", " ".repeat(w.saturating_sub(width(cell))))
            })
            .collect::<Vec<_>>()
            .join(&separator);
        truncate(text.trim_end(), columns_wide)
    };
    let rows = columns.first().map_or(0, |c| c.cells.len());
    Table {
        heading: line(&|c| c.heading),
        rows: (0..rows)
            .map(|row| line(&|c| c.cells.get(row).map_or("", String::as_str)))
            .collect(),
    }
}

/// The columns of a set: type, load, reps, RPE, RIR (steps aside first), duration.
pub fn columns<'a>(specs: impl IntoIterator<Item = &'a SetSpec>, unit: Unit) -> Vec<Column> {
    let mut columns = [
        Column::new("type", Vec::new()),
        Column::new("load", Vec::new()),
        Column::new("reps", Vec::new()),
        Column::new("RPE", Vec::new()),
        Column::new("RIR", Vec::new()).optional(RIR_STEPS_ASIDE),
        Column::new("dur.", Vec::new()),
    ];
    for spec in specs {
        for (column, cell) in columns.iter_mut().zip(cells(spec, unit)) {
            column.cells.push(cell);
        }
    }
    columns.into()
}

/// RIR is always 10 − RPE: the first column to step aside.
pub const RIR_STEPS_ASIDE: u8 = 0;
/// The time of day a set was done: the next to step aside.
pub const TIME_STEPS_ASIDE: u8 = 1;

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
        spec.duration.map_or(String::new(), |d| {
            crate::core::words::duration_exact(chrono::Duration::seconds(i64::from(d.get())))
        }),
    ]
}

/// A heart rate in a cell: `112`, or `–` when there is none.
pub fn bpm(value: Option<Bpm>) -> String {
    value.map_or_else(|| "–".into(), |b| b.get().to_string())
}

/// Heart-rate recovery in a cell. It is stored as the fall in bpm and shown as the change, so a
/// fall reads `−22` (a true minus), a rise `+5`; `–` when it was not measured.
pub fn recovery(fall: Option<i16>) -> String {
    fall.map_or_else(
        || "–".into(),
        |d| match d {
            0 => "0".to_string(),
            d if d > 0 => format!("−{d}"),
            d => format!("+{}", -i32::from(d)),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(heading: &'static str, cells: &[&str]) -> Column {
        Column::new(heading, cells.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn columns_fit_their_widest_cell_and_empty_ones_are_left_out() {
        let t = table(
            vec![
                column("#", &["1", "10"]),
                column("load", &["102.5 kg", "bw"]),
                column("dur.", &["", ""]),
                column("reps", &["5", "12"]),
            ],
            80,
        );
        assert_eq!(t.heading, "#   load      reps");
        assert_eq!(t.rows, vec!["1   102.5 kg  5", "10  bw        12"]);
    }

    #[test]
    fn optional_columns_step_aside_in_order_before_anything_is_cut() {
        let columns = vec![
            column("load", &["100 kg"]),
            column("RPE", &["8"]),
            column("RIR", &["2"]).optional(RIR_STEPS_ASIDE),
            column("done", &["14:26"]).optional(TIME_STEPS_ASIDE),
            column("HR", &["112→158"]),
        ];
        let wide = table(columns.clone(), 40);
        assert_eq!(wide.rows, vec!["100 kg  8    2    14:26  112→158"]);
        let tight = table(columns.clone(), 28);
        assert_eq!(tight.rows, vec!["100 kg 8   2   14:26 112→158"]);
        let narrower = table(columns.clone(), 24);
        assert_eq!(narrower.heading, "load   RPE done  HR");
        assert_eq!(narrower.rows, vec!["100 kg 8   14:26 112→158"]);
        let narrowest = table(columns, 18);
        assert_eq!(narrowest.rows, vec!["100 kg 8   112→158"]);
    }

    #[test]
    fn a_timed_set_reads_in_words_to_the_second() {
        let timed = |seconds: u32| SetSpec {
            load: Load::None,
            reps: None,
            duration: crate::core::units::Seconds::try_from(seconds).ok(),
            ..SetSpec::default()
        };
        let duration = |seconds| cells(&timed(seconds), Unit::Kg)[5].clone();
        assert_eq!(duration(45), "45 s");
        assert_eq!(duration(90), "1 min 30 s");
        assert_eq!(duration(120), "2 min");
        assert_eq!(duration(1800), "30 min");
    }

    #[test]
    fn recovery_reads_as_the_change_with_a_true_minus() {
        assert_eq!(recovery(Some(34)), "−34");
        assert_eq!(recovery(Some(-5)), "+5");
        assert_eq!(recovery(Some(0)), "0");
        assert_eq!(recovery(None), "–");
    }
}
