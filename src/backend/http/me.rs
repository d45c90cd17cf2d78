//! Who is behind the proxy: `dbaccess-portal` answers `GET /api/portal/me`; anything else answers 404
//! (what it means is `backend::person`'s). Read once: the person doesn't change while the page lives.
use super::HttpBackend;
use crate::backend::person::Caller;
use crate::backend::ApiResult;
use domain::api::{Call, Method};
use domain::portal::ME_PATH;

impl HttpBackend {
    /// Who is behind the proxy, read at the first call and kept once known (a failure is asked again).
    pub(super) async fn caller(&self) -> ApiResult<Caller> {
        if let Some(known) = self.caller.borrow().clone() {
            return Ok(known);
        }
        let call = Call {
            method: Method::Get,
            path: ME_PATH.to_string(),
            query: Vec::new(),
            version: "",
            body: None,
        };
        let (status, content_type, text, _) = self
            .send_once_as(&call, "application/json")
            .await
            .map_err(|(e, _)| e)?;
        let caller = Caller::from_answer(status, content_type.as_deref(), &text)?;
        *self.caller.borrow_mut() = Some(caller.clone());
        Ok(caller)
    }
}
