//! Fault injection: what a test (or a demo) makes the emulator do instead of answering normally.
//! Chosen per request (the `X-Emulator-Fault` header), armed for the next matching requests (the control
//! endpoint `POST /__emulator/faults`), or for every request (the `--fault` flag).
use serde::Deserialize;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// Answer with this status and Atlas's error envelope (e.g. 500, 503).
    Status(u16),
    /// 429 `RATE_LIMITED` with `Retry-After: <seconds>`.
    RateLimited { retry_after: u32 },
    /// Start the answer, then close the connection mid-body.
    Drop,
    /// Wait this long, then answer normally (longer than the client's timeout means a timeout).
    Delay { ms: u64 },
    /// Apply the request, then hold the answer until a test says `POST /__emulator/release`: a request
    /// that is out for exactly as long as the test needs, however slow the machine.
    Hold,
    /// `200` with the versioned JSON media type and a body cut mid-document: a proxy that truncated it.
    Garbled,
    /// `502` with an HTML page, as a proxy or load balancer in front of Atlas answers.
    Html,
}

impl FaultKind {
    /// `500`, `429`, `429:3` (Retry-After seconds), `drop`, `delay:5000`, `hold`, `garbled`, `html`.
    pub fn parse(s: &str) -> Option<FaultKind> {
        let (name, arg) = match s.split_once([':', '=']) {
            Some((n, a)) => (n.trim(), Some(a.trim())),
            None => (s.trim(), None),
        };
        match name {
            "drop" => Some(FaultKind::Drop),
            "garbled" => Some(FaultKind::Garbled),
            "html" => Some(FaultKind::Html),
            "hold" => Some(FaultKind::Hold),
            "delay" => Some(FaultKind::Delay {
                ms: arg?.parse().ok()?,
            }),
            "429" => Some(FaultKind::RateLimited {
                retry_after: arg.map_or(Some(1), |a| a.parse().ok())?,
            }),
            code => {
                let status: u16 = code.parse().ok()?;
                (400..600)
                    .contains(&status)
                    .then_some(FaultKind::Status(status))
            }
        }
    }
}

/// A fault armed for the next `times` requests that match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Armed {
    pub kind: FaultKind,
    /// `GET`, `POST`, ...; any method when `None`.
    pub method: Option<String>,
    /// A substring of the request path; any path when `None`.
    pub path: Option<String>,
    pub times: u32,
}

/// The body of `POST /__emulator/faults`: `{"fault": "429:1", "method": "POST", "path": "/customDBRoles", "times": 1}`.
#[derive(Deserialize)]
pub struct ArmRequest {
    pub fault: String,
    pub method: Option<String>,
    pub path: Option<String>,
    pub times: Option<u32>,
}

impl ArmRequest {
    pub fn into_armed(self) -> Result<Armed, String> {
        let kind = FaultKind::parse(&self.fault).ok_or_else(|| {
            format!(
                "unknown fault {:?}: use 500, 429[:seconds], drop, delay:<ms>, hold, garbled or html",
                self.fault
            )
        })?;
        Ok(Armed {
            kind,
            method: self.method.map(|m| m.to_ascii_uppercase()),
            path: self.path,
            times: self.times.unwrap_or(1).max(1),
        })
    }
}

/// Where held answers wait: each `release` lets every answer held before it go.
#[derive(Debug, Default)]
pub struct Gate {
    releases: Mutex<u64>,
    opened: Condvar,
}

/// The longest an answer is held when no test releases it (a test that failed before its release).
const LONGEST_HOLD: Duration = Duration::from_secs(600);

impl Gate {
    /// An answer held from now until the next release.
    pub fn hold(self: &Arc<Self>) -> Held {
        let at = *self.releases.lock().unwrap_or_else(|p| p.into_inner());
        Held {
            gate: Arc::clone(self),
            at,
        }
    }

    /// Lets every answer held until now go.
    pub fn release(&self) {
        *self.releases.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.opened.notify_all();
    }
}

/// One held answer: waits for the first release after it was held.
#[derive(Clone, Debug)]
pub struct Held {
    gate: Arc<Gate>,
    at: u64,
}

impl Held {
    pub fn wait(&self) {
        let deadline = Instant::now() + LONGEST_HOLD;
        let mut releases = self.gate.releases.lock().unwrap_or_else(|p| p.into_inner());
        while *releases == self.at {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            releases = match self.gate.opened.wait_timeout(releases, left) {
                Ok((r, _)) => r,
                Err(p) => p.into_inner().0,
            };
        }
    }
}

impl PartialEq for Held {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.gate, &other.gate) && self.at == other.at
    }
}

/// Takes the first armed fault matching `method path`, using up one of its times.
pub fn take(armed: &mut Vec<Armed>, method: &str, path: &str) -> Option<FaultKind> {
    let i = armed.iter().position(|a| {
        a.method.as_deref().is_none_or(|m| m == method)
            && a.path.as_deref().is_none_or(|p| path.contains(p))
    })?;
    let kind = armed[i].kind.clone();
    armed[i].times -= 1;
    if armed[i].times == 0 {
        armed.remove(i);
    }
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_names_parse_and_nonsense_is_refused() {
        assert_eq!(FaultKind::parse("500"), Some(FaultKind::Status(500)));
        assert_eq!(
            FaultKind::parse("429"),
            Some(FaultKind::RateLimited { retry_after: 1 })
        );
        assert_eq!(
            FaultKind::parse("429:3"),
            Some(FaultKind::RateLimited { retry_after: 3 })
        );
        assert_eq!(
            FaultKind::parse("delay=2500"),
            Some(FaultKind::Delay { ms: 2500 })
        );
        assert_eq!(FaultKind::parse("drop"), Some(FaultKind::Drop));
        assert_eq!(FaultKind::parse("hold"), Some(FaultKind::Hold));
        assert_eq!(FaultKind::parse("garbled"), Some(FaultKind::Garbled));
        assert_eq!(FaultKind::parse("html"), Some(FaultKind::Html));
        for bad in ["200", "delay", "teapot", "429:x", ""] {
            assert_eq!(FaultKind::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_armed_fault_hits_only_matching_requests_and_only_as_often_as_asked() {
        let mut armed = vec![Armed {
            kind: FaultKind::Status(500),
            method: Some("POST".into()),
            path: Some("/customDBRoles".into()),
            times: 2,
        }];
        let roles = "/api/atlas/v2/groups/g/customDBRoles/roles";
        assert_eq!(take(&mut armed, "GET", roles), None);
        assert_eq!(
            take(&mut armed, "POST", "/api/atlas/v2/groups/g/databaseUsers"),
            None
        );
        assert_eq!(
            take(&mut armed, "POST", roles),
            Some(FaultKind::Status(500))
        );
        assert_eq!(
            take(&mut armed, "POST", roles),
            Some(FaultKind::Status(500))
        );
        assert_eq!(take(&mut armed, "POST", roles), None);
        assert!(armed.is_empty());
    }

    #[test]
    fn garbled_and_html_answers_are_what_a_broken_proxy_sends_and_the_console_refuses() {
        let mut emu = crate::Emulator::open(crate::Settings::default()).unwrap();
        let mut req = crate::Request::from_url("GET", "/api/atlas/v2/groups/g/customDBRoles/roles");
        req.fault = Some("garbled".into());
        let r = emu.handle(&req);
        let body = r.raw.clone().unwrap();
        assert_eq!(r.status, 200);
        assert!(domain::answer::read(200, r.content_type.as_deref(), &body).is_err());
        req.fault = Some("html".into());
        let r = emu.handle(&req);
        assert_eq!(
            (r.status, r.content_type.as_deref()),
            (502, Some("text/html"))
        );
        let e = domain::answer::read(502, r.content_type.as_deref(), r.raw.as_deref().unwrap())
            .unwrap_err();
        assert_eq!(e.error, 502);
    }

    /// A `hold` fault applies the request at once and answers only after `POST /__emulator/release`: tests
    /// hold a request out for as long as they need instead of guessing a delay.
    #[test]
    fn a_held_answer_waits_for_the_release_and_the_write_is_applied_before() {
        let mut emu = crate::Emulator::open(crate::Settings::default()).unwrap();
        let mut arm = crate::Request::from_url("POST", "/__emulator/faults");
        arm.body = r#"{"fault": "hold", "method": "POST", "path": "/customDBRoles/roles"}"#.into();
        assert_eq!(emu.handle(&arm).status, 200);
        let id = emu.project.id.clone();
        let mut create = crate::Request::from_url(
            "POST",
            &format!("/api/atlas/v2/groups/{id}/customDBRoles/roles"),
        );
        create.accept = Some("application/vnd.atlas.2023-01-01+json".into());
        create.body = r#"{"roleName": "held_role", "actions": [{"action": "FIND", "resources": [{"db": "x", "collection": ""}]}]}"#.into();
        let reply = emu.handle(&create);
        assert!((200..300).contains(&reply.status), "{:?}", reply.body);
        assert!(
            emu.project
                .custom_roles
                .iter()
                .any(|r| r.role_name == "held_role"),
            "applied before the answer"
        );
        let held = reply.held.expect("the answer is held");
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = std::thread::spawn(move || {
            held.wait();
            tx.send(()).unwrap();
        });
        assert!(rx.try_recv().is_err(), "not answered before the release");
        assert_eq!(
            emu.handle(&crate::Request::from_url("POST", "/__emulator/release"))
                .status,
            200
        );
        rx.recv_timeout(std::time::Duration::from_secs(120))
            .expect("answered once released");
        waiter.join().unwrap();
        // Used up: the next create is answered at once.
        create.body = create.body.replace("held_role", "free_role");
        assert!(emu.handle(&create).held.is_none());
    }
}
