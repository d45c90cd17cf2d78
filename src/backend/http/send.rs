//! Sending a call and reading its answer: a timeout on every request, a `429` sent again after
//! `Retry-After` (bounded), lists read page by page, writes one at a time.
use super::wire::{method, network_error, timeout_error};
use super::HttpBackend;
use crate::backend::ApiResult;
use crate::timers::{set_timeout, sleep};
use domain::answer::{self, parse};
use domain::api::{self, Call};
use domain::model::{ApiError, Paginated};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// How many times a rate-limited request is sent again, and the longest wait honoured.
const RATE_LIMIT_RETRIES: u32 = 3;
const MAX_RETRY_WAIT_MS: u32 = 10_000;
/// What came back: status, `Content-Type`, body text, `Retry-After` seconds.
type Answer = (u16, Option<String>, String, Option<u32>);

thread_local! {
    /// Requests sent and not yet answered (or failed), by every console on the page.
    static UNDER_WAY: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many requests any console on this page has sent and not yet had answered: a host (or a test) that
/// must know Atlas has seen everything asked of it waits for 0, a sign rather than a pause.
pub fn requests_under_way() -> usize {
    UNDER_WAY.with(std::cell::Cell::get)
}

/// Counts one request as under way until dropped (also when its future is dropped unfinished).
struct UnderWay;

impl UnderWay {
    fn start() -> Self {
        UNDER_WAY.with(|n| n.set(n.get() + 1));
        UnderWay
    }
}

impl Drop for UnderWay {
    fn drop(&mut self) {
        UNDER_WAY.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

impl HttpBackend {
    /// Sends `call`, retrying a `429` after `Retry-After`; `None` for an empty answer.
    pub(super) async fn send(&self, call: &Call) -> ApiResult<Option<Value>> {
        self.send_reading(call, answer::read).await
    }

    /// Sends `call` and reads the answer with `read` (JSON, or text such as a certificate), retrying a
    /// `429` after `Retry-After`.
    pub(super) async fn send_reading<T>(
        &self,
        call: &Call,
        read: impl Fn(u16, Option<&str>, &str) -> ApiResult<T>,
    ) -> ApiResult<T> {
        let mut attempt = 0;
        loop {
            let outcome = self
                .send_once(call)
                .await
                .and_then(|(status, ct, text, retry)| {
                    read(status, ct.as_deref(), &text).map_err(|e| (e, retry))
                });
            match outcome {
                Err((e, retry_after)) if e.error == 429 && attempt < RATE_LIMIT_RETRIES => {
                    attempt += 1;
                    // Atlas says when to come back; without it, back off exponentially.
                    let wait = retry_after
                        .map(|s| s.saturating_mul(1000))
                        .unwrap_or(500 << attempt)
                        .min(MAX_RETRY_WAIT_MS);
                    sleep(wait).await;
                }
                other => return other.map_err(|(e, _)| e),
            }
        }
    }

    /// One request: status, media type, body text and `Retry-After`, or why there was no answer.
    pub(super) async fn send_once(&self, call: &Call) -> Result<Answer, (ApiError, Option<u32>)> {
        self.send_once_as(call, &call.media_type()).await
    }

    /// One request with `media` as its `Accept` (and `Content-Type`): the portal's own endpoints are
    /// plain `application/json`, not a versioned Atlas type.
    pub(super) async fn send_once_as(
        &self,
        call: &Call,
        media: &str,
    ) -> Result<Answer, (ApiError, Option<u32>)> {
        let url = format!("{}{}", self.base, call.path_and_query());
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        let timer = controller
            .clone()
            .and_then(|c| set_timeout(self.timeout_ms, move || c.abort()));
        let builder = gloo_net::http::RequestBuilder::new(&url)
            .method(method(call.method))
            .header("Accept", media)
            .abort_signal(signal.as_ref());
        let request = match &call.body {
            Some(body) => builder.header("Content-Type", media).body(body.to_string()),
            None => builder.build(),
        }
        .map_err(|e| (network_error(&e.to_string(), call), None))?;
        let _under_way = UnderWay::start();
        let outcome = async {
            let response = request.send().await?;
            let text = response.text().await?;
            Ok::<_, gloo_net::Error>((response, text))
        }
        .await;
        if let Some(id) = timer {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(id);
            }
        }
        let aborted = signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);
        let (response, text) = outcome.map_err(|e| {
            if aborted {
                (timeout_error(self.timeout_ms, call), None)
            } else {
                (network_error(&e.to_string(), call), None)
            }
        })?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get("Retry-After")
            .and_then(|v| v.trim().parse::<u32>().ok());
        let content_type = response.headers().get("Content-Type");
        Ok((status, content_type, text, retry_after))
    }

    pub(super) async fn get<T: DeserializeOwned>(&self, call: Call) -> ApiResult<T> {
        let value = self.send(&call).await?.unwrap_or(Value::Null);
        parse(value)
    }

    /// Reads every page of a paginated list.
    pub(super) async fn list<T: DeserializeOwned>(&self, call: Call) -> ApiResult<Vec<T>> {
        let mut all = Vec::new();
        let mut page_num = 1;
        loop {
            let page: Paginated<T> = self.get(call.clone().page(page_num)).await?;
            let len = page.results.len();
            all.extend(page.results);
            if !api::has_more(all.len(), page.total_count, len) {
                return Ok(all);
            }
            page_num += 1;
        }
    }

    /// Sends a write once the previous one has finished.
    pub(super) async fn write<T: DeserializeOwned>(&self, call: Call) -> ApiResult<T> {
        let _turn = self.writes.lock().await;
        let value = self.send(&call).await?.unwrap_or(Value::Null);
        parse(value)
    }

    pub(super) async fn write_empty(&self, call: Call) -> ApiResult<()> {
        let _turn = self.writes.lock().await;
        self.send(&call).await.map(|_| ())
    }

    /// A write whose answer is text, not JSON (a new certificate's PEM).
    pub(super) async fn write_text(&self, call: Call) -> ApiResult<String> {
        let _turn = self.writes.lock().await;
        self.send_reading(&call, |status, _, text| answer::read_text(status, text))
            .await
    }
}
