//! The emulator's service-account authentication: client credentials at `/api/oauth/token`, and with
//! `--require-auth` a 401 for Admin API calls without a valid bearer token (the portal proxy is tested
//! against this).
use atlas_emulator::auth::AuthSettings;
use atlas_emulator::{Emulator, Request, Settings};
use base64::Engine;
use serde_json::Value;

fn emulator() -> Emulator {
    Emulator::open(Settings {
        auth: AuthSettings {
            required: true,
            ..AuthSettings::default()
        },
        ..Settings::default()
    })
    .unwrap()
}

fn basic(id: &str, secret: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"))
    )
}

fn token(emu: &mut Emulator, authorization: &str) -> (u16, Value) {
    let mut req = Request::from_url("POST", "/api/oauth/token");
    req.authorization = Some(authorization.to_string());
    req.body = "grant_type=client_credentials".into();
    let r = emu.handle(&req);
    (r.status, r.body.unwrap_or(Value::Null))
}

fn get_project(emu: &mut Emulator, authorization: Option<String>) -> u16 {
    let id = emu.project.id.clone();
    let mut req = Request::from_url("GET", &format!("/api/atlas/v2/groups/{id}"));
    req.authorization = authorization;
    emu.handle(&req).status
}

#[test]
fn client_credentials_give_a_bearer_token_that_admin_api_calls_need() {
    let mut emu = emulator();
    assert_eq!(get_project(&mut emu, None), 401);
    let (status, _) = token(&mut emu, &basic("mdb_sa_id_emulator", "wrong"));
    assert_eq!(status, 401);
    let (status, body) = token(&mut emu, &basic("mdb_sa_id_emulator", "mdb_sa_sk_emulator"));
    assert_eq!(status, 200);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    let bearer = format!("Bearer {}", body["access_token"].as_str().unwrap());
    assert_eq!(get_project(&mut emu, Some(bearer.clone())), 200);
    assert_eq!(get_project(&mut emu, Some("Bearer forged".into())), 401);
    // Expired: refused again until a new token is fetched.
    emu.tokens.expire_all();
    assert_eq!(get_project(&mut emu, Some(bearer)), 401);
    assert_eq!(emu.tokens.issued, 1);
}

#[test]
fn without_require_auth_calls_need_no_token() {
    let mut emu = Emulator::open(Settings::default()).unwrap();
    assert_eq!(get_project(&mut emu, None), 200);
}
