//! The service account's bearer token: OAuth 2.0 client credentials at `{atlas}/api/oauth/token`, kept in
//! memory. While the token is valid no caller waits: reading it takes a lock held for a copy. Within the
//! refresh margin one background refresh runs at a time, and a refresh that fails keeps the still-valid
//! token. Only a caller with no valid token waits, for one fetch bounded by the token timeout.
use crate::config::Secret;
use crate::refusal::Refusal;
use serde::Deserialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    expires_in: u64,
}

#[derive(Clone)]
struct Token {
    bearer: String,
    until: Instant,
}

pub struct TokenSource {
    client: reqwest::Client,
    url: String,
    client_id: String,
    secret: Secret,
    margin: Duration,
    timeout: Duration,
    current: RwLock<Option<Token>>,
    /// Held while a fetch runs, so one runs at a time.
    fetching: tokio::sync::Mutex<()>,
    fetched: AtomicUsize,
}

impl TokenSource {
    pub fn new(
        client: reqwest::Client,
        atlas: &str,
        client_id: String,
        secret: Secret,
        margin: Duration,
        timeout: Duration,
    ) -> Self {
        TokenSource {
            client,
            url: format!("{atlas}/api/oauth/token"),
            client_id,
            secret,
            margin,
            timeout,
            current: RwLock::new(None),
            fetching: tokio::sync::Mutex::new(()),
            fetched: AtomicUsize::new(0),
        }
    }

    /// How many tokens were fetched so far.
    pub fn fetched(&self) -> usize {
        self.fetched.load(Ordering::Relaxed)
    }

    fn valid(&self) -> Option<Token> {
        let current = self.current.read().unwrap_or_else(|e| e.into_inner());
        current
            .as_ref()
            .filter(|t| Instant::now() < t.until)
            .cloned()
    }

    /// A valid token: the cached one (refreshed in the background when within the margin), or one
    /// fetched now when none is valid.
    pub async fn bearer(self: &Arc<Self>) -> Result<String, Refusal> {
        if let Some(token) = self.valid() {
            if Instant::now() + self.margin >= token.until {
                self.refresh_in_background();
            }
            return Ok(token.bearer);
        }
        // No valid token: wait for the fetch under way, or run one, never longer than the timeout.
        let deadline = tokio::time::Instant::now() + self.timeout;
        let _turn = tokio::time::timeout_at(deadline, self.fetching.lock())
            .await
            .map_err(|_| Refusal::TokenTimeout)?;
        if let Some(token) = self.valid() {
            return Ok(token.bearer);
        }
        match tokio::time::timeout_at(deadline, self.fetch()).await {
            Ok(result) => result.map_err(|why| {
                tracing::warn!("no Atlas token: {why}");
                Refusal::TokenUnavailable
            }),
            Err(_) => {
                tracing::warn!("no Atlas token: the token endpoint did not answer in time");
                Err(Refusal::TokenTimeout)
            }
        }
    }

    fn refresh_in_background(self: &Arc<Self>) {
        let this = Arc::clone(self);
        tokio::spawn(async move {
            // One at a time: a refresh already under way is enough.
            let Ok(_turn) = this.fetching.try_lock() else {
                return;
            };
            let still_due = this
                .valid()
                .is_none_or(|t| Instant::now() + this.margin >= t.until);
            if !still_due {
                return;
            }
            match tokio::time::timeout(this.timeout, this.fetch()).await {
                Ok(Ok(_)) => {}
                Ok(Err(why)) => {
                    tracing::warn!("token refresh failed, keeping the current token: {why}")
                }
                Err(_) => {
                    tracing::warn!("token refresh timed out, keeping the current token")
                }
            }
        });
    }

    /// Fetches a token and keeps it. Called with `fetching` held, under the caller's timeout.
    async fn fetch(&self) -> Result<String, String> {
        let started = Instant::now();
        let answer = self
            .client
            .post(&self.url)
            .basic_auth(&self.client_id, Some(self.secret.expose()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .body("grant_type=client_credentials")
            .send()
            .await
            .map_err(|e| format!("the token endpoint could not be reached: {e}"))?;
        let status = answer.status();
        if !status.is_success() {
            return Err(format!("the token endpoint answered {status}"));
        }
        let bytes = answer
            .bytes()
            .await
            .map_err(|e| format!("the token endpoint's answer could not be read: {e}"))?;
        let token: TokenAnswer = serde_json::from_slice(&bytes)
            .map_err(|e| format!("the token endpoint's answer could not be read: {e}"))?;
        self.fetched.fetch_add(1, Ordering::Relaxed);
        let until = started + Duration::from_secs(token.expires_in);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(Token {
            bearer: token.access_token.clone(),
            until,
        });
        Ok(token.access_token)
    }

    /// Forgets `token` (Atlas refused it), so the next `bearer` fetches a new one.
    pub fn forget(&self, token: &str) {
        let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
        if current.as_ref().is_some_and(|t| t.bearer == token) {
            *current = None;
        }
    }
}
