//! Where the app starts: the backend the configuration names is chosen and built here, once; the demo's
//! own controls are provided only when that is the embedded demo.
use super::demo::provide_demo;
use super::state::ProjectData;
use crate::backend::local::LocalBackend;
use crate::config::{BackendConfig, Config};
use std::rc::Rc;

/// Opens the backend `config` names and provides its data (and, for the demo, its controls) as context.
pub fn open(config: &Config) -> ProjectData {
    let data = match &config.backend {
        // The app shows why instead of opening anything; were it asked, the demo sends nothing anywhere.
        BackendConfig::Embedded | BackendConfig::Refused(_) => {
            let local = LocalBackend::open(&config.storage_key, config.demo);
            if let Some(p) = &config.principal {
                // A refused save leaves the stored principal; the demo still opens.
                let _ = local.set_principal(p.clone());
            }
            let local = Rc::new(local);
            let data = ProjectData::load(local.clone());
            provide_demo(local, data);
            data
        }
        BackendConfig::Http {
            base_url,
            project_id,
            timeout_ms,
        } => ProjectData::load(Rc::new(crate::backend::http::HttpBackend::new(
            base_url,
            project_id,
            *timeout_ms,
            config.caller.clone(),
        ))),
    };
    super::state::provide_data(data);
    data
}
