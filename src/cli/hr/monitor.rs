//! `ironpulse hr monitor`: stream a heart-rate source to stdout, as text or one JSON object a line.

use std::fmt::Write as _;
use std::time::Duration;

use ironpulse::core::heart::hrm::Contact;
use ironpulse::core::units::Bpm;
use ironpulse::hr::HrEvent;
use serde_json::{Value, json};

use super::anchors::Anchors;
use super::format::{contact_json, round_to};
use super::stream::stream;
use super::{Context, Failure, MonitorArgs, Stdout};
use ironpulse::core::heart::live::{LiveHr, Models, Moment, Sample};

/// Prints the config line, then every event until the stream stops. A source that never gave
/// heart rate is a failure with its reason; a closed stdout ends it quietly.
pub fn run(ctx: &Context, args: &MonitorArgs) -> Result<(), Failure> {
    let anchors = Anchors::resolve(ctx, &args.anchors)?;
    let (zones, load) = anchors.models()?;
    let source = args.source.open()?;
    let described = source.describe();
    let speed = args.source.speed;
    let models = Models::new(zones, Some(load));
    let mut measured = Live {
        hr: LiveHr::measuring(&models),
        models: &models,
    };
    let mut out = Stdout::lock();
    let config = if args.json {
        let mut config = anchors.to_json();
        config["event"] = json!("config");
        config["source"] = json!(described);
        config["speed"] = json!(speed.get());
        config.to_string()
    } else {
        format!(
            "heart rate from {described} at {speed}; zones and hrTSS: {}",
            anchors.describe()
        )
    };
    out.line(config)?;
    let limit = args.source.duration.map(Duration::from_secs);
    let (stop, heard) = stream(source, limit, speed, |event, at| {
        let line = if args.json {
            event_json(event, at, &mut measured).to_string()
        } else {
            event_text(event, &mut measured)
        };
        out.line(line)?;
        Ok(true)
    })?;
    heard.verdict(stop, &described)
}

/// Live heart rate as the TUI keeps it, against the anchors the config line names: a sample
/// without skin contact adds nothing to the figures, in the monitor as in the app.
pub struct Live<'a> {
    hr: LiveHr,
    models: &'a Models,
}

/// The figures after one sample.
#[derive(Debug, Clone, Copy)]
struct Reading {
    zone: Option<ironpulse::core::heart::zones::Zone>,
    hr_tss: Option<f64>,
    rmssd: Option<f64>,
}

impl Live<'_> {
    /// Takes in a sample received `at` (source time) and gives the figures after it.
    fn sample(
        &mut self,
        at: Duration,
        bpm: Option<Bpm>,
        rr_ms: &[f64],
        contact: Contact,
    ) -> Reading {
        let sample = Sample {
            at,
            bpm,
            rr_ms,
            contact,
        };
        let moment = Moment {
            now: chrono::Utc::now(),
            session_start: None,
            models: Some(self.models),
        };
        self.hr.sample(sample, moment);
        Reading {
            zone: self.hr.zone(),
            hr_tss: self.hr.hr_tss(),
            rmssd: self.hr.rmssd(),
        }
    }
}

/// One event as a JSON object: samples carry their figures, everything else an `event` name;
/// every object carries `at_ms`, its source time (a sample's own, a link event's arrival).
fn event_json(event: &HrEvent, at: Duration, live: &mut Live) -> Value {
    let mut object = match event {
        HrEvent::Sample {
            at,
            bpm,
            rr_ms,
            contact,
            energy_kj,
        } => {
            let reading = live.sample(*at, *bpm, rr_ms, *contact);
            let rr: Vec<f64> = rr_ms.iter().map(|&rr| round_to(rr, 1)).collect();
            json!({
                "bpm": bpm.map(Bpm::get),
                "contact": contact_json(*contact),
                "energy_kj": energy_kj,
                "hrtss": reading.hr_tss.map(|t| round_to(t, 2)),
                "rmssd": reading.rmssd.map(|r| round_to(r, 1)),
                "rr_ms": rr,
                "zone": reading.zone.map(|z| z.label),
            })
        }
        HrEvent::Connected { name, address } => {
            json!({"address": address, "event": "connected", "name": name})
        }
        HrEvent::ContactLost => json!({"event": "contact_lost"}),
        HrEvent::Stale { silent_for } => {
            json!({"event": "stale", "silent_for_s": silent_for.as_secs_f64()})
        }
        HrEvent::Disconnected { reason } => json!({"event": "disconnected", "reason": reason}),
        HrEvent::Reconnecting { attempt, delay } => json!({
            "attempt": attempt,
            "delay_s": delay.as_secs_f64(),
            "event": "reconnecting",
        }),
        HrEvent::Battery(percent) => json!({"event": "battery", "percent": percent}),
        HrEvent::SensorLocation(location) => {
            json!({"event": "sensor_location", "location": location})
        }
        HrEvent::InvalidPacket { reason } => json!({"event": "invalid_packet", "reason": reason}),
    };
    object["at_ms"] = json!(at.as_millis());
    object
}

/// One event as a line a lifter reads.
fn event_text(event: &HrEvent, live: &mut Live) -> String {
    match event {
        HrEvent::Sample {
            at,
            bpm,
            rr_ms,
            contact,
            ..
        } => {
            let reading = live.sample(*at, *bpm, rr_ms, *contact);
            sample_text(*at, *bpm, rr_ms, contact_json(*contact), reading)
        }
        _ => link_text(event),
    }
}

/// A link event (anything but a sample) as a line a lifter reads; a sample as just its heart rate.
pub fn link_text(event: &HrEvent) -> String {
    match event {
        HrEvent::Sample { bpm, .. } => bpm.map_or_else(
            || "no heart rate".to_owned(),
            |b| format!("{} bpm", b.get()),
        ),
        HrEvent::Connected { name, address } => match address {
            Some(address) => format!("connected: {name} ({address})"),
            None => format!("connected: {name}"),
        },
        HrEvent::ContactLost => {
            "the strap lost skin contact: moisten the electrodes and tighten the strap".to_owned()
        }
        HrEvent::Stale { silent_for } => format!(
            "no heart rate for {} s: is the strap on and in range?",
            silent_for.as_secs()
        ),
        HrEvent::Disconnected { reason } => format!("disconnected: {reason}"),
        HrEvent::Reconnecting { attempt, delay } => format!(
            "reconnecting in {} s (attempt {attempt})",
            round_to(delay.as_secs_f64(), 1)
        ),
        HrEvent::Battery(percent) => format!("strap battery {percent} %"),
        HrEvent::SensorLocation(location) => format!("strap worn on the {location}"),
        HrEvent::InvalidPacket { reason } => format!("dropped a packet: {reason}"),
    }
}

/// `  1:05  142 bpm  Z3 Tempo  hrTSS 0.35  RMSSD 6.1 ms  RR 421 423`.
fn sample_text(
    at: Duration,
    bpm: Option<Bpm>,
    rr_ms: &[f64],
    contact: Option<bool>,
    reading: Reading,
) -> String {
    let secs = at.as_secs();
    let mut line = format!("{:>3}:{:02}  ", secs / 60, secs % 60);
    // A value sent without skin contact is printed as sent, without a zone (it counts for none).
    let zone = reading.zone.map_or_else(
        || "–".to_owned(),
        |zone| format!("{} {}", zone.label, zone.name),
    );
    match bpm {
        Some(bpm) => {
            let _ = write!(line, "{:>3} bpm  {zone:<16}", bpm.get());
        }
        None => line.push_str("  – bpm  no reading      "),
    }
    if let Some(tss) = reading.hr_tss {
        let _ = write!(line, "  hrTSS {tss:.2}");
    }
    if let Some(rmssd) = reading.rmssd {
        let _ = write!(line, "  RMSSD {rmssd:.1} ms");
    }
    if !rr_ms.is_empty() {
        let rr: Vec<String> = rr_ms.iter().map(|rr| format!("{rr:.0}")).collect();
        let _ = write!(line, "  RR {}", rr.join(" "));
    }
    if contact == Some(false) {
        line.push_str("  (no skin contact)");
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use ironpulse::core::heart::load::LoadParams;
    use ironpulse::core::heart::zones::ZoneModel;
    use ironpulse::core::profile::Sex;

    fn bpm(v: u32) -> Option<Bpm> {
        Bpm::try_from(v).ok()
    }

    /// A value sent without skin contact is printed as sent, but adds nothing to the figures:
    /// the same rule as the app's heart-rate panel.
    #[test]
    fn a_value_without_skin_contact_adds_nothing_to_the_figures() {
        let zones = ZoneModel::karvonen(bpm(50).unwrap(), bpm(190).unwrap()).unwrap();
        let load =
            LoadParams::new(bpm(50).unwrap(), bpm(190).unwrap(), bpm(165), Sex::Male).unwrap();
        let models = Models::new(zones, Some(load));
        let mut live = Live {
            hr: LiveHr::measuring(&models),
            models: &models,
        };
        let sample = |s: u64, contact| HrEvent::Sample {
            at: Duration::from_secs(s),
            bpm: bpm(165),
            rr_ms: Vec::new(),
            contact,
            energy_kj: None,
        };
        event_json(&sample(0, Contact::Detected), Duration::ZERO, &mut live);
        let off = event_json(
            &sample(1, Contact::NotDetected),
            Duration::from_secs(1),
            &mut live,
        );
        assert_eq!(
            (&off["bpm"], &off["contact"], &off["zone"], &off["hrtss"]),
            (&json!(165), &json!(false), &Value::Null, &json!(0.0))
        );
        assert_eq!(
            event_text(&sample(2, Contact::NotDetected), &mut live),
            "  0:02  165 bpm  –                 hrTSS 0.00  (no skin contact)"
        );
        // Back in contact: 165 bpm for the second since the last sample counts again.
        let on = event_json(
            &sample(3, Contact::Detected),
            Duration::from_secs(3),
            &mut live,
        );
        assert_eq!(on["zone"], json!("Z4"));
        assert!(on["hrtss"].as_f64().unwrap() > 0.0);
    }
}
