use clap::Parser;
use dbaccess_portal::config::{Config, DEFAULT_SECRET_ENV};
use std::path::PathBuf;

/// A reference portal for the Database Access console: serves the console's release build and proxies
/// the Atlas Admin API v2 on the same origin with an Atlas service account.
#[derive(Parser)]
#[command(
    name = "dbaccess-portal",
    version,
    after_long_help = r#"CONFIGURATION (one TOML file; every key):

  listen = "127.0.0.1:8081"              address to serve on
  dist = "dist"                          the console's release build (trunk build --release); relative
                                         paths start from the configuration file's folder
  console_origin = "https://portal.example.com"
                                         writes are accepted only with this Origin
  atlas_base_url = "https://cloud.mongodb.com"   (default) where the Admin API and /api/oauth/token are
  identity_header = "X-Portal-User"      (default) the header your SSO sets to the signed-in person
  local_identity = "you@example.com"     LOCAL RUNS ONLY: who a request without that header is
  request_timeout_seconds = 30           (default, 1-300) for each call to Atlas
  token_refresh_margin_seconds = 60      (default) refresh the token when less than this is left
  upstream_keep_alive = true             (default) reuse connections to Atlas; false for the local
                                         emulator, whose server sometimes stalls on a reused connection
  token_timeout_seconds = 10             (default, 1 to request_timeout_seconds) for the token request
  max_body_bytes = 1048576               (default) larger request bodies are refused

  [service_account]
  client_id = "mdb_sa_id_…"              the Atlas service account (OAuth client credentials)
  secret_env = "DBACCESS_PORTAL_CLIENT_SECRET"   (default) environment variable holding its secret
  secret_file = "/run/secrets/atlas"     or: a file holding it (not both)

  [sign_in]                              optional: trust the identity header only from your sign-in proxy
  proxy_secret_header = "X-Portal-Proxy-Secret"  the header it sets on every request
  proxy_secret_env = "DBACCESS_PORTAL_PROXY_SECRET"   (default) environment variable holding the secret

  [roles]
  source = "atlas"                       (default) each person's roles on a project are read from Atlas
                                         (their SSO name is their Atlas username); or "config": listed below
  ttl_seconds = 60                       (default, 1-3600) how long roles read from Atlas are kept

  [access]                               who may use which projects (24-hex project ids)
  "ada@example.com" = ["6650f1c2a4b3c2d1e0f9a8b7"]                      with source = "atlas"
  "rory@example.com" = { "6650f1c2a4b3c2d1e0f9a8b7" = ["GROUP_READ_ONLY"] }   with source = "config"

Secrets are never read from the TOML file and never logged. Every write and every refusal is logged to
standard output as one JSON line: request id, who, their roles, operation, path, project, whether it
mints credentials, the refusal if any, status."#
)]
struct Args {
    /// The TOML configuration file.
    #[arg(long, value_name = "FILE")]
    config: PathBuf,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .init();
    let config = match Config::load(&args.config, &|name| std::env::var(name).ok()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("dbaccess-portal: {}: {e}", args.config.display());
            if e.contains(DEFAULT_SECRET_ENV) {
                eprintln!(
                    "dbaccess-portal: e.g. {DEFAULT_SECRET_ENV}=… dbaccess-portal --config …"
                );
            }
            std::process::exit(2);
        }
    };
    let app = match dbaccess_portal::App::new(config, Box::new(|line| println!("{line}"))) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dbaccess-portal: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = dbaccess_portal::run(app).await {
        eprintln!("dbaccess-portal: {e}");
        std::process::exit(1);
    }
}
