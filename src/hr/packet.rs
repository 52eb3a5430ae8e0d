//! The shared packet pipeline: raw 0x2A37 bytes and a timestamp in, events out — plus the inverse,
//! [`encode`], which the simulator and the recorder use to produce packets.

use std::time::Duration;

use crate::core::heart::hrm::{self, Contact, Measurement};

use super::HrEvent;

/// Turns raw Heart Rate Measurement packets into events, remembering just enough to notice when
/// the strap loses skin contact. Every source that has packets feeds them through this.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    contact: Option<Contact>,
}

impl Pipeline {
    /// A pipeline that has seen no packet yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The events for one notification received `at` after the source started: a `Sample`
    /// (preceded by `ContactLost` when contact just went from detected to not detected), or an
    /// `InvalidPacket` with the parser's reason.
    pub fn packet(&mut self, at: Duration, bytes: &[u8]) -> Vec<HrEvent> {
        let m = match hrm::parse(bytes) {
            Ok(m) => m,
            Err(err) => {
                return vec![HrEvent::InvalidPacket {
                    reason: err.to_string(),
                }];
            }
        };
        let mut events = Vec::with_capacity(2);
        let lost = self.contact == Some(Contact::Detected) && m.contact == Contact::NotDetected;
        if lost {
            events.push(HrEvent::ContactLost);
        }
        self.contact = Some(m.contact);
        events.push(HrEvent::Sample {
            at,
            bpm: m.bpm(),
            contact: m.contact,
            energy_kj: m.energy_kj,
            rr_ms: m.rr_ms,
        });
        events
    }
}

/// Encodes a measurement as a 0x2A37 value, the inverse of [`hrm::parse`]: uint8 heart rate when
/// it fits, energy and RR only when present. RR intervals are rounded to the nearest 1/1024 s, so
/// decoding and re-encoding a parsed packet gives the same bytes.
pub fn encode(m: &Measurement) -> Vec<u8> {
    let mut flags = match m.contact {
        Contact::NotSupported => 0,
        Contact::NotDetected => 0b0000_0100,
        Contact::Detected => 0b0000_0110,
    };
    let mut body = Vec::with_capacity(4 + 2 * m.rr_ms.len());
    if let Ok(hr) = u8::try_from(m.heart_rate) {
        body.push(hr);
    } else {
        flags |= 0b0000_0001;
        body.extend_from_slice(&m.heart_rate.to_le_bytes());
    }
    if let Some(kj) = m.energy_kj {
        flags |= 0b0000_1000;
        body.extend_from_slice(&kj.to_le_bytes());
    }
    if !m.rr_ms.is_empty() {
        flags |= 0b0001_0000;
        for rr in &m.rr_ms {
            let raw = (rr * 1024.0 / 1000.0)
                .round()
                .clamp(0.0, f64::from(u16::MAX)) as u16;
            body.extend_from_slice(&raw.to_le_bytes());
        }
    }
    let mut packet = Vec::with_capacity(1 + body.len());
    packet.push(flags);
    packet.extend_from_slice(&body);
    packet
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::units::Bpm;
    use proptest::prelude::*;

    fn ms(v: u64) -> Duration {
        Duration::from_millis(v)
    }

    #[test]
    fn a_valid_packet_becomes_one_sample() {
        let events = Pipeline::new().packet(ms(1012), &[0x16, 0x3C, 0x11, 0x04]);
        assert_eq!(
            events,
            vec![HrEvent::Sample {
                at: ms(1012),
                bpm: Bpm::try_from(60).ok(),
                rr_ms: vec![1041.0 * 1000.0 / 1024.0],
                contact: Contact::Detected,
                energy_kj: None,
            }]
        );
    }

    #[test]
    fn an_invalid_packet_carries_the_parser_reason() {
        assert_eq!(
            Pipeline::new().packet(ms(0), &[0x16]),
            vec![HrEvent::InvalidPacket {
                reason: "heart-rate packet is too short: its flags need 2 bytes, it has 1".into()
            }]
        );
    }

    #[test]
    fn contact_lost_is_reported_once_on_the_transition() {
        let mut p = Pipeline::new();
        // No contact from the start is not a loss.
        assert_eq!(p.packet(ms(0), &[0x04, 0x00]).len(), 1);
        assert_eq!(p.packet(ms(1000), &[0x06, 0x3C]).len(), 1);
        let lost = p.packet(ms(2000), &[0x04, 0x00]);
        assert_eq!(lost[0], HrEvent::ContactLost);
        assert!(matches!(
            lost[1],
            HrEvent::Sample {
                bpm: None,
                contact: Contact::NotDetected,
                ..
            }
        ));
        assert_eq!(p.packet(ms(3000), &[0x04, 0x00]).len(), 1, "still lost");
        // An invalid packet in between does not reset what the pipeline knows.
        p.packet(ms(4000), &[0x06, 0x3C]);
        p.packet(ms(5000), &[]);
        assert_eq!(p.packet(ms(6000), &[0x04, 0x00])[0], HrEvent::ContactLost);
    }

    #[test]
    fn encode_matches_the_science_md_vectors() {
        let m = hrm::parse(&[0x16, 0x3C, 0x11, 0x04]).unwrap();
        assert_eq!(encode(&m), vec![0x16, 0x3C, 0x11, 0x04]);
        let m = Measurement {
            heart_rate: 60,
            contact: Contact::Detected,
            energy_kj: None,
            rr_ms: vec![],
        };
        assert_eq!(encode(&m), vec![0x06, 0x3C]);
        let m = Measurement {
            heart_rate: 300,
            contact: Contact::NotSupported,
            energy_kj: Some(400),
            rr_ms: vec![1000.0],
        };
        assert_eq!(encode(&m), vec![0x19, 0x2C, 0x01, 0x90, 0x01, 0x00, 0x04]);
    }

    proptest! {
        #[test]
        fn parse_then_encode_gives_the_same_bytes_for_canonical_packets(
            hr in any::<u16>(),
            contact in 0u8..3,
            energy in proptest::option::of(any::<u16>()),
            rr in proptest::collection::vec(any::<u16>(), 0..6),
        ) {
            let contact = [Contact::NotSupported, Contact::NotDetected, Contact::Detected][contact as usize];
            let rr_ms: Vec<f64> = rr.iter().map(|&r| f64::from(r) * 1000.0 / 1024.0).collect();
            let m = Measurement { heart_rate: hr, contact, energy_kj: energy, rr_ms };
            let bytes = encode(&m);
            prop_assert_eq!(hrm::parse(&bytes), Ok(m.clone()));
            prop_assert_eq!(encode(&hrm::parse(&bytes).unwrap()), bytes);
        }
    }
}
