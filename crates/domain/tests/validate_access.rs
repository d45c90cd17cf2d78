//! API key and service account rules.
use domain::model::*;
use domain::validate::*;
use domain::ErrorCode::*;

#[test]
fn api_keys_and_service_accounts() {
    let ok = CreateProjectApiKey {
        desc: "CI deploys".into(),
        roles: vec!["GROUP_INDEX_MANAGER".into()],
    };
    assert!(validate_api_key(&ok).is_empty());
    let field_codes = |issues: Vec<Issue>| {
        issues
            .into_iter()
            .map(|i| (i.field, i.code))
            .collect::<Vec<_>>()
    };
    let bad = CreateProjectApiKey {
        desc: " ".into(),
        roles: vec![],
    };
    assert_eq!(
        field_codes(validate_api_key(&bad)),
        vec![
            (
                Field::Access(AccessField::Description),
                INVALID_API_KEY_DESC
            ),
            (Field::Access(AccessField::Roles), MISSING_API_KEY_ROLES)
        ]
    );
    let long = CreateProjectApiKey {
        desc: "d".repeat(251),
        roles: vec![
            "GROUP_OWNER".into(),
            "GROUP_OWNER".into(),
            "ORG_OWNER".into(),
        ],
    };
    assert_eq!(
        field_codes(validate_api_key(&long)),
        vec![
            (
                Field::Access(AccessField::Description),
                INVALID_API_KEY_DESC
            ),
            (Field::Access(AccessField::Role(1)), VALIDATION_ERROR),
            (Field::Access(AccessField::Role(2)), INVALID_ROLE_FOR_GROUP)
        ]
    );
    assert!(validate_api_key(&CreateProjectApiKey {
        desc: "d".repeat(250),
        ..ok.clone()
    })
    .is_empty());

    let sa = CreateServiceAccount {
        name: "Déploiement bot".into(),
        description: "O'Brien's, v1.2".into(),
        roles: vec!["GROUP_READ_ONLY".into()],
        secret_expires_after_hours: 8,
    };
    assert!(
        validate_service_account(&sa).is_empty(),
        "{:?}",
        validate_service_account(&sa)
    );
    let bad = CreateServiceAccount {
        name: "<script>".into(),
        description: "".into(),
        roles: vec![],
        secret_expires_after_hours: 0,
    };
    assert_eq!(
        field_codes(validate_service_account(&bad))
            .into_iter()
            .map(|x| x.0)
            .collect::<Vec<_>>(),
        vec![
            Field::Access(AccessField::Name),
            Field::Access(AccessField::Description),
            Field::Access(AccessField::SecretExpiry),
            Field::Access(AccessField::Roles)
        ]
    );
    assert!(!validate_service_account(&CreateServiceAccount {
        name: "n".repeat(65),
        ..sa
    })
    .is_empty());
}
