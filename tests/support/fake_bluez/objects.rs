//! The objects a fake `BlueZ` serves, as bluez-async reads them: the adapter `hci0`, and one
//! heart-rate strap with the Heart Rate and Battery services. Every property bluez-async
//! requires is there (it silently skips objects that lack one), and Introspect lists
//! interfaces before child nodes, as its XML parser needs.

use std::sync::{Arc, Mutex, MutexGuard};

use dbus::arg::{PropMap, RefArg, Variant};
use dbus::blocking::stdintf::org_freedesktop_dbus::PropertiesPropertiesChanged;
use dbus::message::SignalArgs;
use dbus::{Message, MethodErr, Path};
use dbus_crossroads::{Crossroads, IfaceToken, PropContext};

pub const ADAPTER: &str = "/org/bluez/hci0";
pub const ADAPTER1: &str = "org.bluez.Adapter1";
pub const DEVICE1: &str = "org.bluez.Device1";
pub const SERVICE1: &str = "org.bluez.GattService1";
pub const CHARACTERISTIC1: &str = "org.bluez.GattCharacteristic1";

/// The services: relative path and 16-bit UUID.
const SERVICES: [(&str, u16); 2] = [("service000c", 0x180D), ("service0020", 0x180F)];
/// The characteristics: relative path, 16-bit UUID, flags.
const CHARACTERISTICS: [(&str, u16, &[&str]); 3] = [
    ("service000c/char000d", 0x2A37, &["notify"]),
    ("service000c/char0010", 0x2A38, &["read"]),
    ("service0020/char0021", 0x2A19, &["read", "notify"]),
];
/// The Heart Rate Measurement characteristic.
pub const MEASUREMENT: &str = "service000c/char000d";

/// The strap the fake offers.
#[derive(Debug, Clone)]
pub struct Strap {
    pub name: String,
    pub address: String,
    pub rssi: i16,
    pub battery: u8,
}

/// Everything the test hooks change, shared with the property getters.
#[derive(Debug)]
#[allow(clippy::struct_excessive_bools)] // it mirrors BlueZ's boolean properties
pub struct State {
    pub strap: Strap,
    /// The device object exists on the bus.
    pub present: bool,
    /// A scan does not find the device (it "vanished").
    pub hidden: bool,
    pub connected: bool,
    pub resolved: bool,
    pub notifying: bool,
    pub discovering: bool,
    pub powered: bool,
    /// `Connect` sets `Connected` but never `ServicesResolved`.
    pub never_resolve: bool,
    /// How many times Connect was called while disconnected.
    pub connects: u32,
    /// The last heart-rate value notified.
    pub value: Vec<u8>,
}

pub type Shared = Arc<Mutex<State>>;

pub fn new_state(strap: Strap) -> Shared {
    Arc::new(Mutex::new(State {
        strap,
        present: false,
        hidden: false,
        connected: false,
        resolved: false,
        notifying: false,
        discovering: false,
        powered: true,
        never_resolve: false,
        connects: 0,
        value: Vec::new(),
    }))
}

pub fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The 128-bit form of a 16-bit Bluetooth UUID.
pub fn uuid(short: u16) -> String {
    format!("0000{short:04x}-0000-1000-8000-00805f9b34fb")
}

pub fn device_path(address: &str) -> String {
    format!("{ADAPTER}/dev_{}", address.replace(':', "_"))
}

/// A `PropertiesChanged` signal, as `BlueZ` sends it.
pub fn changed(path: &str, interface: &str, props: Vec<(&str, Box<dyn RefArg>)>) -> Message {
    let changed_properties: PropMap = props
        .into_iter()
        .map(|(name, value)| (name.to_owned(), Variant(value)))
        .collect();
    PropertiesPropertiesChanged {
        interface_name: interface.to_owned(),
        changed_properties,
        invalidated_properties: Vec::new(),
    }
    .to_emit_message(&Path::new(path.to_owned()).expect("a valid object path"))
}

/// The registered interfaces.
#[derive(Clone, Copy)]
pub struct Tokens {
    device: IfaceToken<()>,
    service: IfaceToken<()>,
    characteristic: IfaceToken<()>,
}

/// A getter that reads the shared state.
fn get<A>(
    shared: &Shared,
    read: impl Fn(&State) -> A + Send + 'static,
) -> impl FnMut(&mut PropContext, &mut ()) -> Result<A, MethodErr> + Send + 'static {
    let shared = shared.clone();
    move |_, ()| Ok(read(&lock(&shared)))
}

fn failed(message: &str) -> MethodErr {
    ("org.bluez.Error.Failed", message).into()
}

/// The part of `path` below the device: `service000c/char000d`.
fn below_device(path: &str) -> &str {
    path.splitn(6, '/').nth(5).unwrap_or("")
}

/// Registers the interfaces and puts the adapter (and the object manager at `/`) on the tree.
pub fn build(cr: &mut Crossroads, shared: &Shared) -> Tokens {
    let device = register_device(cr, shared);
    let service = cr.register(SERVICE1, |b| {
        b.property::<String, _>("UUID").get(|ctx, ()| {
            let rel = below_device(ctx.path());
            SERVICES
                .iter()
                .find(|(p, _)| *p == rel)
                .map(|(_, u)| uuid(*u))
                .ok_or_else(|| failed("no such service"))
        });
        b.property::<bool, _>("Primary").get(|_, ()| Ok(true));
        b.property::<Path<'static>, _>("Device").get(|ctx, ()| {
            let path = ctx.path().to_string();
            let device = path.rsplit_once('/').map_or("/", |(d, _)| d).to_owned();
            Ok(Path::new(device).expect("a valid path"))
        });
    });
    let characteristic = register_characteristic(cr, shared);
    let tokens = Tokens {
        device,
        service,
        characteristic,
    };
    let adapter = register_adapter(cr, shared, tokens);
    let manager = cr.object_manager::<()>();
    cr.insert("/", &[manager], ());
    cr.insert(ADAPTER, &[adapter], ());
    tokens
}

fn register_adapter(cr: &mut Crossroads, shared: &Shared, tokens: Tokens) -> IfaceToken<()> {
    let s = shared.clone();
    cr.register(ADAPTER1, move |b| {
        b.property::<String, _>("Address")
            .get(|_, ()| Ok("00:1A:7D:DA:71:13".to_owned()));
        b.property::<String, _>("AddressType")
            .get(|_, ()| Ok("public".to_owned()));
        b.property::<String, _>("Name")
            .get(|_, ()| Ok("fake-hci0".to_owned()));
        b.property::<String, _>("Alias")
            .get(|_, ()| Ok("fake-hci0".to_owned()));
        b.property::<String, _>("Modalias")
            .get(|_, ()| Ok("usb:v1D6Bp0245d050A".to_owned()));
        b.property::<bool, _>("Discovering")
            .get(get(&s, |st| st.discovering));
        let set_powered = s.clone();
        b.property::<bool, _>("Powered")
            .get(get(&s, |st| st.powered))
            .set(move |_, (), on| {
                lock(&set_powered).powered = on;
                Ok(Some(on))
            });
        b.method(
            "SetDiscoveryFilter",
            ("filter",),
            (),
            |_, (), (_,): (PropMap,)| Ok(()),
        );
        let start = s.clone();
        b.method_with_cr("StartDiscovery", (), (), move |ctx, cr, ()| {
            let add = {
                let mut st = lock(&start);
                st.discovering = true;
                !st.present && !st.hidden
            };
            ctx.push_msg(changed(
                ADAPTER,
                ADAPTER1,
                vec![("Discovering", Box::new(true))],
            ));
            if add {
                add_device(cr, tokens, &start);
            }
            Ok(())
        });
        let stop = s.clone();
        b.method("StopDiscovery", (), (), move |ctx, (), ()| {
            lock(&stop).discovering = false;
            ctx.push_msg(changed(
                ADAPTER,
                ADAPTER1,
                vec![("Discovering", Box::new(false))],
            ));
            Ok(())
        });
    })
}

fn register_device(cr: &mut Crossroads, shared: &Shared) -> IfaceToken<()> {
    let s = shared.clone();
    cr.register(DEVICE1, move |b| {
        b.property::<String, _>("Address")
            .get(get(&s, |st| st.strap.address.clone()));
        b.property::<String, _>("AddressType")
            .get(|_, ()| Ok("public".to_owned()));
        b.property::<String, _>("Name")
            .get(get(&s, |st| st.strap.name.clone()));
        b.property::<String, _>("Alias")
            .get(get(&s, |st| st.strap.name.clone()));
        b.property::<bool, _>("Paired").get(|_, ()| Ok(false));
        b.property::<bool, _>("Trusted").get(|_, ()| Ok(false));
        b.property::<bool, _>("Blocked").get(|_, ()| Ok(false));
        b.property::<bool, _>("LegacyPairing")
            .get(|_, ()| Ok(false));
        b.property::<bool, _>("Connected")
            .get(get(&s, |st| st.connected));
        b.property::<bool, _>("ServicesResolved")
            .get(get(&s, |st| st.resolved));
        b.property::<i16, _>("RSSI")
            .get(get(&s, |st| st.strap.rssi));
        b.property::<Vec<String>, _>("UUIDs")
            .get(|_, ()| Ok(vec![uuid(0x180D), uuid(0x180F)]));
        b.property::<Path<'static>, _>("Adapter")
            .get(|_, ()| Ok(Path::new(ADAPTER).expect("a valid path")));
        let connect = s.clone();
        b.method("Connect", (), (), move |ctx, (), ()| {
            let mut st = lock(&connect);
            if st.connected {
                return Ok(());
            }
            st.connected = true;
            st.connects += 1;
            let path = ctx.path().to_string();
            ctx.push_msg(changed(&path, DEVICE1, vec![("Connected", Box::new(true))]));
            if !st.never_resolve {
                st.resolved = true;
                ctx.push_msg(changed(
                    &path,
                    DEVICE1,
                    vec![("ServicesResolved", Box::new(true))],
                ));
            }
            Ok(())
        });
        let disconnect = s.clone();
        b.method("Disconnect", (), (), move |ctx, (), ()| {
            let path = ctx.path().to_string();
            if let Some(message) = drop_link(&disconnect, &path) {
                ctx.push_msg(message);
            }
            Ok(())
        });
    })
}

fn register_characteristic(cr: &mut Crossroads, shared: &Shared) -> IfaceToken<()> {
    let s = shared.clone();
    let table = |path: &str| {
        let rel = below_device(path).to_owned();
        CHARACTERISTICS.iter().find(move |(p, _, _)| *p == rel)
    };
    cr.register(CHARACTERISTIC1, move |b| {
        b.property::<String, _>("UUID").get(move |ctx, ()| {
            table(ctx.path())
                .map(|(_, u, _)| uuid(*u))
                .ok_or_else(|| failed("no such characteristic"))
        });
        b.property::<Path<'static>, _>("Service").get(|ctx, ()| {
            let path = ctx.path().to_string();
            let service = path.rsplit_once('/').map_or("/", |(d, _)| d).to_owned();
            Ok(Path::new(service).expect("a valid path"))
        });
        b.property::<Vec<String>, _>("Flags").get(move |ctx, ()| {
            Ok(table(ctx.path())
                .map(|(_, _, flags)| flags.iter().map(|f| (*f).to_owned()).collect())
                .unwrap_or_default())
        });
        let value = s.clone();
        b.property::<Vec<u8>, _>("Value")
            .get(move |ctx, ()| Ok(read(&lock(&value), ctx.path()).unwrap_or_default()));
        let notifying = s.clone();
        b.property::<bool, _>("Notifying").get(move |ctx, ()| {
            Ok(below_device(ctx.path()) == MEASUREMENT && lock(&notifying).notifying)
        });
        let read_value = s.clone();
        b.method(
            "ReadValue",
            ("options",),
            ("value",),
            move |ctx, (), (_,): (PropMap,)| {
                let st = lock(&read_value);
                if !st.connected {
                    return Err(failed("Not connected"));
                }
                read(&st, ctx.path())
                    .map(|v| (v,))
                    .ok_or_else(|| ("org.bluez.Error.NotPermitted", "Read not permitted").into())
            },
        );
        let start = s.clone();
        b.method("StartNotify", (), (), move |ctx, (), ()| {
            let mut st = lock(&start);
            if !st.connected {
                return Err(failed("Not connected"));
            }
            let path = ctx.path().to_string();
            if below_device(&path) == MEASUREMENT {
                st.notifying = true;
                ctx.push_msg(changed(
                    &path,
                    CHARACTERISTIC1,
                    vec![("Notifying", Box::new(true))],
                ));
            }
            Ok(())
        });
        let stop = s.clone();
        b.method("StopNotify", (), (), move |ctx, (), ()| {
            if below_device(ctx.path()) == MEASUREMENT {
                lock(&stop).notifying = false;
            }
            Ok(())
        });
    })
}

/// What `ReadValue` returns for the characteristic at `path`.
fn read(st: &State, path: &str) -> Option<Vec<u8>> {
    match below_device(path) {
        "service0020/char0021" => Some(vec![st.strap.battery]),
        "service000c/char0010" => Some(vec![1]),
        MEASUREMENT => Some(st.value.clone()),
        _ => None,
    }
}

/// Marks the link down; the signal to send, if it was up.
pub fn drop_link(shared: &Shared, device: &str) -> Option<Message> {
    let mut st = lock(shared);
    let was = st.connected;
    st.connected = false;
    st.resolved = false;
    st.notifying = false;
    was.then(|| {
        changed(
            device,
            DEVICE1,
            vec![
                ("Connected", Box::new(false)),
                ("ServicesResolved", Box::new(false)),
            ],
        )
    })
}

/// Puts the strap on the bus (`InterfacesAdded` for the device, its services and characteristics).
pub fn add_device(cr: &mut Crossroads, tokens: Tokens, shared: &Shared) {
    let device = {
        let mut st = lock(shared);
        st.present = true;
        device_path(&st.strap.address)
    };
    cr.insert(device.clone(), &[tokens.device], ());
    for (rel, _) in SERVICES {
        cr.insert(format!("{device}/{rel}"), &[tokens.service], ());
    }
    for (rel, _, _) in CHARACTERISTICS {
        cr.insert(format!("{device}/{rel}"), &[tokens.characteristic], ());
    }
}

/// Takes the strap off the bus (`InterfacesRemoved`), as `BlueZ` does when it forgets a device.
pub fn remove_device(cr: &mut Crossroads, shared: &Shared) {
    let device = {
        let mut st = lock(shared);
        if !st.present {
            return;
        }
        st.present = false;
        st.connected = false;
        st.resolved = false;
        st.notifying = false;
        device_path(&st.strap.address)
    };
    for (rel, _, _) in CHARACTERISTICS {
        cr.remove::<()>(&Path::new(format!("{device}/{rel}")).expect("a valid path"));
    }
    for (rel, _) in SERVICES {
        cr.remove::<()>(&Path::new(format!("{device}/{rel}")).expect("a valid path"));
    }
    cr.remove::<()>(&Path::new(device).expect("a valid path"));
}
