//! The real server as a child process: starting it, waiting until it is
//! healthy, stopping it, reading its memory from /proc.

use super::BenchResult;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// The server child process; stopped (SIGTERM, then SIGKILL) when dropped.
pub(super) struct Server(pub(super) Child);

impl Server {
    pub(super) fn id(&self) -> u32 {
        self.0.id()
    }

    pub(super) async fn stop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        for _ in 0..100 {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

pub(super) async fn wait_healthy(
    client: &reqwest::Client,
    base: &str,
    server: &mut Server,
) -> BenchResult<()> {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = server.0.try_wait() {
            return Err(format!("the server stopped at start-up ({status})").into());
        }
        if let Ok(r) = client
            .get(format!("{base}{}", shared::endpoints::health::Health::PATH))
            .send()
            .await
        {
            if r.status().as_u16() == 200 {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Err("the server did not answer /api/health within 120 s".into())
}

/// A line of `/proc/<pid>/status`, in kB.
pub(super) fn proc_status(pid: u32, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}
