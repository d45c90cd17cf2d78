//! Who is calling: the person the sign-in proxy names in `identity_header`, as an axum extractor. The
//! header must come once (two could be one from the client and one from the proxy, and which one a check
//! reads is then a guess). With `[sign_in]` set, the request must also carry the proxy's shared secret, so
//! a request that reached the portal around the proxy names no one.
use crate::refusal::Refusal;
use crate::App;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use std::sync::Arc;
use subtle::ConstantTimeEq;

/// The signed-in person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller(pub String);

impl FromRequestParts<Arc<App>> for Caller {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, Refusal> {
        let config = &app.config;
        if let Some(sign_in) = &config.sign_in {
            let mut sent = parts.headers.get_all(sign_in.header.as_str()).iter();
            let proved = match (sent.next(), sent.next()) {
                (Some(v), None) => {
                    bool::from(v.as_bytes().ct_eq(sign_in.secret.expose().as_bytes()))
                }
                _ => false,
            };
            if !proved {
                return Err(Refusal::NotSignedIn(
                    "the request didn't come through the portal's sign-in.",
                ));
            }
        }
        let mut named = parts
            .headers
            .get_all(config.identity_header.as_str())
            .iter();
        match (named.next(), named.next()) {
            (Some(_), Some(_)) => Err(Refusal::IdentityAmbiguous),
            (Some(v), None) => match v.to_str().map(str::trim) {
                Ok(who) if !who.is_empty() && who.len() <= 256 => Ok(Caller(who.to_string())),
                _ => Err(Refusal::NotSignedIn("sign in to the portal again.")),
            },
            (None, _) => config
                .local_identity
                .clone()
                .map(Caller)
                .ok_or(Refusal::NotSignedIn("sign in to the portal again.")),
        }
    }
}
