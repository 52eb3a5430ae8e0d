//! The profile's zone model reaches a new session's heart-rate snapshot, so the session keeps
//! Friel zones even if the profile later goes back to Karvonen.

use chrono::{TimeZone, Utc};
use ironpulse::app::store_worker::{Request, SessionReply, SessionRequest};
use ironpulse::core::heart::settings::HrSettings;
use ironpulse::core::profile::Profile;
use ironpulse::core::profile::ZoneKind;
use ironpulse::core::units::Bpm;
use ironpulse::store::Store;

fn bpm(v: u32) -> Bpm {
    Bpm::try_from(v).unwrap()
}

fn profile(zones: ZoneKind) -> Profile {
    Profile::example()
        .weighing(75.0)
        .female()
        .born(1988)
        .hr(188, 52)
        .lthr(168)
        .zones(zones)
}

#[test]
fn a_session_started_with_friel_zones_keeps_them() {
    let store = Store::open_in_memory().unwrap();
    store.save_profile(&profile(ZoneKind::FrielBike)).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 21, 18, 0, 0).unwrap();
    let reply = SessionRequest::Start {
        at,
        title: "Ride".into(),
    }
    .answer(&store)
    .unwrap();
    let SessionReply::Started(session) = reply else {
        panic!("{reply:?}")
    };
    let snapshot = HrSettings {
        max: bpm(188),
        rest: bpm(52),
        lthr: Some(bpm(168)),
        zones: ZoneKind::FrielBike,
    };
    assert_eq!(store.hr_settings(session.id).unwrap(), Some(snapshot));
    // A later profile change does not move the session's zones.
    store.save_profile(&profile(ZoneKind::Karvonen)).unwrap();
    assert_eq!(store.hr_settings(session.id).unwrap(), Some(snapshot));
}
