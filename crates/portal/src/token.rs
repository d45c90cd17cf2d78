//! The service account's bearer token: OAuth 2.0 client credentials at `{atlas}/api/oauth/token`, kept in
//! memory and refreshed when less than the margin is left. One refresh at a time: callers wait on the lock
//! while it runs and then share its token.
use crate::config::Secret;
use serde::Deserialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    expires_in: u64,
}

pub struct TokenSource {
    client: reqwest::Client,
    url: String,
    client_id: String,
    secret: Secret,
    margin: Duration,
    current: Mutex<Option<(String, Instant)>>,
    fetched: AtomicUsize,
}

impl TokenSource {
    pub fn new(
        client: reqwest::Client,
        atlas: &str,
        client_id: String,
        secret: Secret,
        margin: Duration,
    ) -> Self {
        TokenSource {
            client,
            url: format!("{atlas}/api/oauth/token"),
            client_id,
            secret,
            margin,
            current: Mutex::new(None),
            fetched: AtomicUsize::new(0),
        }
    }

    /// How many tokens were fetched so far.
    pub fn fetched(&self) -> usize {
        self.fetched.load(Ordering::Relaxed)
    }

    /// A token with more than the margin left, fetched if needed.
    pub async fn bearer(&self) -> Result<String, String> {
        let mut current = self.current.lock().await;
        if let Some((token, until)) = current.as_ref() {
            if Instant::now() + self.margin < *until {
                return Ok(token.clone());
            }
        }
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
        *current = Some((token.access_token.clone(), until));
        Ok(token.access_token)
    }

    /// Forgets `token` (Atlas refused it), so the next `bearer` fetches a new one.
    pub async fn forget(&self, token: &str) {
        let mut current = self.current.lock().await;
        if current.as_ref().is_some_and(|(t, _)| t == token) {
            *current = None;
        }
    }
}
