//! `ironpulse hr record <file>`: write a source's notifications as a raw recording that
//! `--hr replay:<file>` plays back.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{SecondsFormat, Utc};
use color_eyre::eyre::eyre;
use ironpulse::core::hrm::Measurement;
use ironpulse::hr::packet::encode;
use ironpulse::hr::{HrEvent, recording};

use super::stream::{Stop, stream};
use super::{Failure, RecordArgs};

/// Records until the source ends, `--duration` or Ctrl-C, then says what was written.
pub fn run(args: &RecordArgs) -> Result<(), Failure> {
    let source = args.source.open()?;
    let path = &args.file;
    let mut out = BufWriter::new(create(path)?);
    let date = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let write_err = |err: io::Error| {
        Failure::Runtime(eyre!(err).wrap_err(format!("could not write {}", path.display())))
    };
    out.write_all(recording::header(&source.describe(), &date).as_bytes())
        .map_err(write_err)?;
    let mut samples = 0_u64;
    let mut last_at = None;
    let limit = args.source.duration.map(std::time::Duration::from_secs);
    let stop = stream(source, limit, args.source.speed, |event| {
        if let HrEvent::Sample { at, .. } = event {
            samples += 1;
            last_at = Some(*at);
        }
        writeln!(out, "{}", line(event))
            .and_then(|()| out.flush())
            .map_err(write_err)?;
        Ok(true)
    })?;
    out.flush().map_err(write_err)?;
    let length = last_at.map_or(0, |at| at.as_secs());
    let why = match stop {
        Stop::SourceEnded => "the source ended",
        Stop::Duration => "the duration was reached",
        Stop::Interrupted => "interrupted",
        Stop::Consumer => "stopped",
    };
    let noun = if samples == 1 { "sample" } else { "samples" };
    println!(
        "recorded {samples} {noun} ({}:{:02}) to {}; {why}",
        length / 60,
        length % 60,
        path.display()
    );
    Ok(())
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
    use ironpulse::core::hrm::Contact;
    use ironpulse::core::units::Bpm;
    use std::time::Duration;

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
