//! `ironpulse hr record <file>`: write a source's notifications as a raw recording that
//! `--hr replay:<file>` plays back.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use color_eyre::eyre::eyre;
use ironpulse::core::heart::hrm::Measurement;
use ironpulse::hr::packet::encode;
use ironpulse::hr::{HeartRateSource, HrEvent, recording};

use super::stream::{Heard, Stop, stream};
use super::{Failure, RecordArgs};
use crate::cli::output;

/// Records until the source ends, `--duration` or Ctrl-C, then says what was written. A recording
/// that got no heart rate at all is removed again: a failure with the reason when the source
/// never gave any (no Bluetooth, never connected), exit 130 after Ctrl-C.
pub fn run(args: &RecordArgs) -> Result<(), Failure> {
    let source = args.source.open()?;
    let described = source.describe();
    let path = &args.file;
    let file = create(path)?;
    let recorded = write(file, source, args);
    let (samples, length, stop, heard) = match recorded {
        Ok(Recorded {
            samples: 0,
            stop,
            heard,
            ..
        }) => {
            discard(path);
            // No heart rate: the source's reason, or (Ctrl-C) that nothing was kept.
            return Err(match heard.verdict(stop, &described) {
                Err(failure) => failure,
                Ok(()) => Failure::Interrupted(format!(
                    "interrupted before any heart rate arrived: nothing was recorded and {} was \
                     not kept",
                    path.display()
                )),
            });
        }
        Ok(r) => (r.samples, r.length, r.stop, r.heard),
        Err(failure) => {
            discard(path);
            return Err(failure);
        }
    };
    let why = match stop {
        Stop::SourceEnded => "the source ended",
        Stop::Duration => "the duration was reached",
        Stop::Interrupted => "interrupted",
        Stop::Consumer => "stopped",
    };
    let noun = if samples == 1 { "sample" } else { "samples" };
    let secs = length.as_secs();
    let summary = format!(
        "recorded {samples} {noun} ({}:{:02}) to {}",
        secs / 60,
        secs % 60,
        path.display()
    );
    // A live source that gave up keeps what it sent, and says why it stopped.
    if let Err(failure) = heard.verdict(stop, &described) {
        return Err(Failure::Runtime(color_eyre::eyre::eyre!(
            "{summary}; then {failure}"
        )));
    }
    output::line(format_args!("{summary}; {why}"))
}

/// What a finished recording holds.
struct Recorded {
    samples: u64,
    /// The last sample's source time.
    length: Duration,
    stop: Stop,
    heard: Heard,
}

/// Streams the source into `file`: the header, then one line per event.
fn write(
    file: File,
    source: Box<dyn HeartRateSource>,
    args: &RecordArgs,
) -> Result<Recorded, Failure> {
    let path = &args.file;
    let mut out = BufWriter::new(file);
    let date = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let write_err = |err: io::Error| {
        Failure::Runtime(eyre!(err).wrap_err(format!("could not write {}", path.display())))
    };
    out.write_all(recording::header(&source.describe(), &date).as_bytes())
        .map_err(write_err)?;
    let mut length = Duration::ZERO;
    let limit = args.source.duration.map(Duration::from_secs);
    let (stop, heard) = stream(source, limit, args.source.speed, |event, _| {
        if let HrEvent::Sample { at, .. } = event {
            length = *at;
        }
        writeln!(out, "{}", line(event))
            .and_then(|()| out.flush())
            .map_err(write_err)?;
        Ok(true)
    })?;
    out.flush().map_err(write_err)?;
    Ok(Recorded {
        samples: heard.samples,
        length,
        stop,
        heard,
    })
}

/// Removes a recording that holds no heart rate (or failed to be written): nothing half-made is
/// left under the name the lifter chose. The file was created by this run (`create_new`).
fn discard(path: &Path) {
    if let Err(err) = std::fs::remove_file(path) {
        output::warn(format_args!(
            "warning: could not remove the empty recording {}: {err}",
            path.display()
        ));
    }
}

/// A new file; an existing one is never overwritten.
fn create(path: &Path) -> Result<File, Failure> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|err| match err.kind() {
            io::ErrorKind::AlreadyExists => Failure::Usage(format!(
                "refusing to overwrite {}: it already exists; choose a new file name",
                path.display()
            )),
            _ => Failure::Runtime(
                eyre!(err).wrap_err(format!("could not create {}", path.display())),
            ),
        })
}

/// A sample as a recording line (re-encoded: a heart rate outside 20–250 is written as 0);
/// anything else as a comment, which replay skips.
fn line(event: &HrEvent) -> String {
    match event {
        HrEvent::Sample {
            at,
            bpm,
            rr_ms,
            contact,
            energy_kj,
        } => {
            let packet = encode(&Measurement {
                heart_rate: bpm.map_or(0, ironpulse::core::units::Bpm::get),
                contact: *contact,
                energy_kj: *energy_kj,
                rr_ms: rr_ms.clone(),
            });
            recording::line(*at, &packet)
        }
        HrEvent::Connected { name, address } => match address {
            Some(address) => format!("# connected: {name} ({address})"),
            None => format!("# connected: {name}"),
        },
        HrEvent::ContactLost => "# contact lost".to_owned(),
        HrEvent::Stale { silent_for } => {
            format!("# stale: no sample for {} ms", silent_for.as_millis())
        }
        HrEvent::Disconnected { reason } => format!("# disconnected: {reason}"),
        HrEvent::Reconnecting { attempt, delay } => format!(
            "# reconnecting: attempt {attempt} in {} ms",
            delay.as_millis()
        ),
        HrEvent::Battery(percent) => format!("# battery: {percent} %"),
        HrEvent::SensorLocation(location) => format!("# sensor location: {location}"),
        HrEvent::InvalidPacket { reason } => format!("# invalid packet: {reason}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ironpulse::core::heart::hrm::Contact;
    use ironpulse::core::units::Bpm;

    #[test]
    fn samples_become_packet_lines_and_the_rest_comments() {
        let sample = HrEvent::Sample {
            at: Duration::from_millis(1012),
            bpm: Bpm::try_from(60).ok(),
            rr_ms: vec![1041.0 * 1000.0 / 1024.0],
            contact: Contact::Detected,
            energy_kj: None,
        };
        assert_eq!(line(&sample), "1012 163c1104");
        assert_eq!(
            line(&HrEvent::Disconnected {
                reason: "end of recording".into()
            }),
            "# disconnected: end of recording"
        );
    }
}
