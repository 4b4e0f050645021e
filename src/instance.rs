//! One program per data folder: two windows on one database file could overwrite each other's
//! edits. The first start takes an exclusive lock on a small file in the data folder (released by
//! the operating system when the process ends, even after a crash or a power cut) and listens on
//! a loopback port written beside it; a second start finds the lock taken, asks the first to bring
//! its window forward, and stops. Works the same on Windows and Linux (std's file locks:
//! `LockFileEx` / `flock`).

use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

const LOCK_FILE: &str = ".dang-mo.lock";
const PORT_FILE: &str = ".dang-mo.cong";
/// What a second start sends; anything else on the port is ignored.
const KNOCK: &str = "quyhoach:focus";

/// The running program's hold on its data folder; the lock lasts as long as this value.
pub struct Instance {
    _lock: std::fs::File,
    listener: Option<TcpListener>,
    port: u16,
    port_file: PathBuf,
    /// Folders the data was moved to while running: held too, so a start there also knocks.
    more: std::sync::Mutex<Vec<(std::fs::File, PathBuf)>>,
}

/// What a start finds.
pub enum Start {
    /// This is the only program on the folder.
    First(Instance),
    /// Another program holds the folder; it was asked to come forward (true when it answered).
    AlreadyRunning { told: bool },
}

/// Takes the data folder for this process, or tells the program that holds it to come forward.
pub fn start(data_dir: &Path) -> std::io::Result<Start> {
    std::fs::create_dir_all(data_dir)?;
    let lock_path = data_dir.join(LOCK_FILE);
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&lock_path)?;
    let port_file = data_dir.join(PORT_FILE);
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Ok(Start::AlreadyRunning {
                told: knock(&port_file),
            })
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(e),
    }
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    let port = listener.local_addr()?.port();
    std::fs::write(&port_file, port.to_string())?;
    Ok(Start::First(Instance {
        _lock: lock,
        listener: Some(listener),
        port,
        port_file,
        more: Default::default(),
    }))
}

/// Asks the running program to come forward; false when it cannot be reached.
fn knock(port_file: &Path) -> bool {
    let Some(port) = std::fs::read_to_string(port_file)
        .ok()
        .and_then(|t| t.trim().parse::<u16>().ok())
    else {
        return false;
    };
    let Ok(mut s) =
        TcpStream::connect_timeout(&(Ipv4Addr::LOCALHOST, port).into(), Duration::from_secs(2))
    else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if writeln!(s, "{KNOCK}").is_err() {
        return false;
    }
    let mut answer = String::new();
    BufReader::new(s).read_line(&mut answer).is_ok() && answer.trim() == "ok"
}

impl Instance {
    /// Calls `on_knock` (on a background thread) each time a second start asks for the window.
    pub fn on_second_start(&mut self, on_knock: impl Fn() + Send + 'static) {
        let Some(listener) = self.listener.take() else {
            return;
        };
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                let mut line = String::new();
                let mut reader = BufReader::new(&stream);
                if reader.read_line(&mut line).is_ok() && line.trim() == KNOCK {
                    on_knock();
                    let _ = (&stream).write_all(b"ok\n");
                }
            }
        });
    }
}

impl Instance {
    /// After the data moved to `dir` (Settings), holds that folder too: a start that now finds
    /// the data there brings this window forward instead of opening the file a second time.
    pub fn hold_also(&self, dir: &Path) -> std::io::Result<()> {
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(dir.join(LOCK_FILE))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Ok(()),
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
        let port_file = dir.join(PORT_FILE);
        std::fs::write(&port_file, self.port.to_string())?;
        self.more
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((lock, port_file));
        Ok(())
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.port_file);
        for (_, f) in self.more.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            let _ = std::fs::remove_file(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[test]
    fn a_second_start_on_the_same_folder_asks_the_first_and_stops() {
        let dir = tempfile::Builder::new()
            .prefix("dữ liệu phường ")
            .tempdir()
            .unwrap();
        let Start::First(mut first) = start(dir.path()).unwrap() else {
            panic!("the first start holds the folder");
        };
        let knocks = Arc::new(AtomicUsize::new(0));
        let k = knocks.clone();
        first.on_second_start(move || {
            k.fetch_add(1, Ordering::SeqCst);
        });
        match start(dir.path()).unwrap() {
            Start::AlreadyRunning { told } => assert!(told),
            Start::First(_) => panic!("two programs on one folder"),
        }
        assert_eq!(knocks.load(Ordering::SeqCst), 1);
        // Another folder is another ward: its own program.
        let other = tempfile::tempdir().unwrap();
        assert!(matches!(start(other.path()).unwrap(), Start::First(_)));
        // The data moved to another folder while running: a start there knocks too.
        let moved = tempfile::tempdir().unwrap();
        first.hold_also(moved.path()).unwrap();
        assert!(matches!(
            start(moved.path()).unwrap(),
            Start::AlreadyRunning { told: true }
        ));
        assert_eq!(knocks.load(Ordering::SeqCst), 2);
        // When the first program ends, the folders are free again.
        drop(first);
        assert!(matches!(start(moved.path()).unwrap(), Start::First(_)));
        assert!(matches!(start(dir.path()).unwrap(), Start::First(_)));
    }
}
