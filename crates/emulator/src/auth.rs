//! Atlas's service-account authentication, as the portal proxy meets it: OAuth 2.0 client credentials at
//! `POST /api/oauth/token` (HTTP Basic with the client id and secret, form body
//! `grant_type=client_credentials`) answer a bearer token that expires; with `required`, Admin API calls
//! without a valid one get 401. Tokens are random and kept only in memory.
use crate::{clock, Reply};
use base64::Engine;
use serde_json::json;
use std::collections::HashMap;
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct AuthSettings {
    /// Whether Admin API calls need a bearer token (off by default: the browser tests call directly).
    pub required: bool,
    pub client_id: String,
    pub client_secret: String,
    /// How long a token is valid (`expires_in`).
    pub lifetime: Duration,
}

impl Default for AuthSettings {
    fn default() -> Self {
        AuthSettings {
            required: false,
            client_id: "mdb_sa_id_emulator".to_string(),
            client_secret: "mdb_sa_sk_emulator".to_string(),
            lifetime: Duration::from_secs(3600),
        }
    }
}

#[derive(Default)]
pub struct Tokens {
    valid_until: HashMap<String, Instant>,
    /// How many tokens were issued (tests check that refreshes are shared).
    pub issued: usize,
}

fn unauthorized(detail: &str) -> Reply {
    let mut r = Reply::json(
        401,
        json!({ "error": 401, "errorCode": "UNAUTHORIZED", "reason": "Unauthorized", "detail": detail }),
        "2023-01-01",
    );
    r.content_type = Some("application/json".to_string());
    r
}

impl Tokens {
    /// `POST /api/oauth/token`.
    pub fn issue(
        &mut self,
        settings: &AuthSettings,
        authorization: Option<&str>,
        body: &str,
    ) -> Reply {
        let credentials = authorization
            .and_then(|a| a.strip_prefix("Basic "))
            .and_then(|b| {
                base64::engine::general_purpose::STANDARD
                    .decode(b.trim())
                    .ok()
            })
            .and_then(|b| String::from_utf8(b).ok());
        let expected = format!("{}:{}", settings.client_id, settings.client_secret);
        if credentials.as_deref() != Some(expected.as_str()) {
            return unauthorized("Invalid client credentials.");
        }
        if !body
            .split('&')
            .any(|kv| kv == "grant_type=client_credentials")
        {
            let mut r = unauthorized("Only grant_type=client_credentials is supported.");
            r.status = 400;
            return r;
        }
        let token = clock::hex(40);
        self.valid_until
            .insert(token.clone(), Instant::now() + settings.lifetime);
        self.issued += 1;
        let mut r = Reply::json(
            200,
            json!({
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": settings.lifetime.as_secs(),
            }),
            "2023-01-01",
        );
        r.content_type = Some("application/json".to_string());
        r
    }

    /// `None` when an Admin API call may go on, or the 401 to answer.
    pub fn check(&self, settings: &AuthSettings, authorization: Option<&str>) -> Option<Reply> {
        if !settings.required {
            return None;
        }
        let valid = authorization
            .and_then(|a| a.strip_prefix("Bearer "))
            .and_then(|t| self.valid_until.get(t.trim()))
            .is_some_and(|until| Instant::now() < *until);
        (!valid).then(|| unauthorized("A valid bearer token is required."))
    }

    /// Makes every token issued so far invalid (as if it had expired).
    pub fn expire_all(&mut self) {
        self.valid_until.clear();
    }
}
