//! Live progress of a resting reading on stderr: one updating line on a terminal, a plain line
//! every ten seconds otherwise. Link events (contact lost, disconnected …) get their own line.

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use ironpulse::hr::HrEvent;

use super::super::monitor::link_text;
use super::collector::{Collector, clock};

/// How often a plain (not terminal) progress line is written, in source time.
const EVERY: Duration = Duration::from_secs(10);
/// Back to the start of the line and clear it.
const CLEAR: &str = "\r\x1b[2K";

/// Writes progress to `out`; a failed write is ignored (progress is a courtesy).
#[derive(Debug)]
pub struct Progress<W: Write> {
    out: W,
    tty: bool,
    next_line: Duration,
    drawn: bool,
}

impl Progress<io::Stderr> {
    /// Progress on stderr, updating in place when stderr is a terminal.
    pub fn stderr() -> Self {
        let out = io::stderr();
        let tty = out.is_terminal();
        Progress::new(out, tty)
    }
}

impl<W: Write> Progress<W> {
    /// Progress on `out`; `tty` updates one line in place.
    pub fn new(out: W, tty: bool) -> Self {
        Progress {
            out,
            tty,
            next_line: Duration::ZERO,
            drawn: false,
        }
    }

    /// What is about to happen.
    pub fn start(&mut self, source: &str, duration: Duration) {
        self.line(&format!(
            "measuring resting HRV for {} from {source}: lie still and breathe normally",
            clock(duration)
        ));
    }

    /// After `collector` took `event`.
    pub fn event(&mut self, event: &HrEvent, collector: &Collector) {
        if !matches!(event, HrEvent::Sample { .. }) {
            self.line(&link_text(event));
            return;
        }
        let status = status(collector);
        if self.tty {
            let _ = write!(self.out, "{CLEAR}{status}");
            let _ = self.out.flush();
            self.drawn = true;
        } else if let Some(elapsed) = collector.elapsed()
            && elapsed >= self.next_line
        {
            self.line(&status);
            self.next_line = elapsed + EVERY;
        }
    }

    /// Clears the updating line before the result is printed.
    pub fn finish(&mut self) {
        if self.drawn {
            let _ = write!(self.out, "{CLEAR}");
            let _ = self.out.flush();
            self.drawn = false;
        }
    }

    /// A line of its own (over the updating line, which the next sample redraws).
    fn line(&mut self, text: &str) {
        self.finish();
        let _ = writeln!(self.out, "{text}");
        let _ = self.out.flush();
    }

    #[cfg(test)]
    fn into_inner(self) -> W {
        self.out
    }
}

/// `2:35 left  62 bpm  143 clean beats`.
fn status(c: &Collector) -> String {
    let left = c.left().map_or_else(|| "–:––".to_owned(), clock);
    let bpm = c
        .bpm()
        .map_or_else(|| "  – bpm".to_owned(), |b| format!("{:>3} bpm", b.get()));
    let beats = c.clean_beats();
    let noun = if beats == 1 { "beat" } else { "beats" };
    format!("{left} left  {bpm}  {beats} clean {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ironpulse::core::heart::hrm::Contact;
    use ironpulse::core::units::Bpm;

    fn run(tty: bool) -> String {
        let mut c = Collector::new(Duration::from_secs(60));
        let mut p = Progress::new(Vec::new(), tty);
        p.start("simulated strap (seed 1)", Duration::from_secs(60));
        for s in 1..=12 {
            let event = HrEvent::Sample {
                at: Duration::from_secs(s),
                bpm: Bpm::try_from(61).ok(),
                rr_ms: vec![980.0 + (s % 2) as f64 * 10.0],
                contact: Contact::Detected,
                energy_kj: None,
            };
            c.event(&event);
            p.event(&event, &c);
            if s == 2 {
                let lost = HrEvent::ContactLost;
                c.event(&lost);
                p.event(&lost, &c);
            }
        }
        p.finish();
        String::from_utf8(p.into_inner()).unwrap()
    }

    #[test]
    fn plain_lines_every_ten_seconds_when_not_a_terminal() {
        assert_eq!(
            run(false),
            "measuring resting HRV for 1:00 from simulated strap (seed 1): lie still and breathe \
             normally\n\
             1:00 left   61 bpm  1 clean beat\n\
             the strap lost skin contact: moisten the electrodes and tighten the strap\n\
             0:50 left   61 bpm  11 clean beats\n"
        );
    }

    #[test]
    fn one_line_updated_in_place_on_a_terminal() {
        let out = run(true);
        assert!(out.contains("\r\x1b[2K0:59 left   61 bpm  2 clean beats\r\x1b[2Kthe strap lost"));
        assert!(
            out.ends_with("0:49 left   61 bpm  12 clean beats\r\x1b[2K"),
            "{out:?}"
        );
    }
}
