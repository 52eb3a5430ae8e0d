//! The raw recording format (ble.md): one notification per line, `<ms since start> <hex bytes>`,
//! `#` comments. Reading checks every line before anything is replayed; writing produces what
//! reading accepts.

use std::fmt::Write as _;
use std::time::Duration;

use crate::core::heart::hrm::{RecordingError, parse_recording_line};

/// One recorded notification: when it arrived and its raw 0x2A37 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packet {
    /// Time since the recording started.
    pub at: Duration,
    /// The characteristic value as the strap sent it.
    pub bytes: Vec<u8>,
}

/// A whole recording, checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recording {
    /// The packets, in time order.
    pub packets: Vec<Packet>,
    /// What the `# source:` header line says recorded it, if there is one.
    pub source: Option<String>,
}

/// Why a recording cannot be read; `line` counts from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadRecording {
    #[error("line {line}: {source}")]
    Line { line: usize, source: RecordingError },
    #[error("line {line}: time {ms} ms is earlier than the line before ({previous} ms)")]
    Backwards { line: usize, ms: u64, previous: u64 },
    #[error("it has no packets (expected lines like `1012 163c1104`)")]
    Empty,
}

impl Recording {
    /// Reads a recording's text, refusing it at the first malformed line.
    pub fn parse(text: &str) -> Result<Recording, BadRecording> {
        let mut recording = Recording::default();
        let mut previous = 0;
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            if let Some(source) = line.trim().strip_prefix("# source:") {
                recording
                    .source
                    .get_or_insert_with(|| source.trim().to_owned());
            }
            let parsed = parse_recording_line(line).map_err(|source| BadRecording::Line {
                line: number,
                source,
            })?;
            let Some((ms, bytes)) = parsed else { continue };
            if ms < previous {
                return Err(BadRecording::Backwards {
                    line: number,
                    ms,
                    previous,
                });
            }
            previous = ms;
            recording.packets.push(Packet {
                at: Duration::from_millis(ms),
                bytes,
            });
        }
        if recording.packets.is_empty() {
            return Err(BadRecording::Empty);
        }
        Ok(recording)
    }
}

/// The comment lines that open a recording: what it is, its source and when it was made
/// (`date` as the caller formats it, e.g. RFC 3339).
pub fn header(source: &str, date: &str) -> String {
    format!(
        "# ironpulse heart-rate recording: <ms since start> <hex of the 0x2A37 value>\n\
         # source: {source}\n\
         # date: {date}\n"
    )
}

/// One packet as a recording line, without the newline: `1012 163c1104`.
pub fn line(at: Duration, bytes: &[u8]) -> String {
    let mut out = at.as_millis().to_string();
    out.push(' ');
    for byte in bytes {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recording_with_comments_and_blank_lines() {
        let text = "# ironpulse heart-rate recording\n# source: Polar H10 A1B2\n\n0 063c\n1012 16 3c 11 04\n";
        let r = Recording::parse(text).unwrap();
        assert_eq!(r.source.as_deref(), Some("Polar H10 A1B2"));
        assert_eq!(
            r.packets,
            vec![
                Packet {
                    at: Duration::ZERO,
                    bytes: vec![0x06, 0x3C]
                },
                Packet {
                    at: Duration::from_millis(1012),
                    bytes: vec![0x16, 0x3C, 0x11, 0x04]
                },
            ]
        );
    }

    #[test]
    fn malformed_lines_are_named_by_number() {
        let err = Recording::parse("# x\n0 063c\n1000 06zz\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3: recording line \"1000 06zz\" has packet bytes that are not hex pairs"
        );
        let err = Recording::parse("0 063c\n2000 063c\n1000 063c\n").unwrap_err();
        assert_eq!(
            err,
            BadRecording::Backwards {
                line: 3,
                ms: 1000,
                previous: 2000
            }
        );
        assert_eq!(
            Recording::parse("# only a comment\n"),
            Err(BadRecording::Empty)
        );
    }

    #[test]
    fn written_lines_read_back() {
        let text = format!(
            "{}{}\n",
            header("simulated strap (seed 1)", "2025-01-01T00:00:00Z"),
            line(Duration::from_millis(1012), &[0x16, 0x3C, 0x11, 0x04])
        );
        assert!(text.ends_with("\n1012 163c1104\n"));
        let r = Recording::parse(&text).unwrap();
        assert_eq!(r.source.as_deref(), Some("simulated strap (seed 1)"));
        assert_eq!(r.packets[0].bytes, vec![0x16, 0x3C, 0x11, 0x04]);
    }
}
