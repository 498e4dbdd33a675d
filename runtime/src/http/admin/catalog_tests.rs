//! The catalogue import through the admin API: all or nothing, in CSV or JSON.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use super::tests::{TestApp, app, get, send};

const CSV: &str = "sku,name,name_zh,price_minor,currency,stock\n\
    HD-1,Grey hoodie,灰色连帽衫,4500,USD,12\n\
    \"MUG-1\",\"Mug, large\",,1200,USD,0\n";

async fn import(app: &TestApp, query: &str, content_type: &str, body: &str) -> (StatusCode, Value) {
    let path = format!("/v1/admin/catalog{query}");
    send(
        app,
        Method::POST,
        &path,
        Some(&app.other),
        content_type,
        body.to_string(),
    )
    .await
}

async fn skus(app: &TestApp) -> Vec<String> {
    let (_, list) = get(app, "/v1/admin/catalog", &app.other).await;
    list["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["sku"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn catalogue_import_is_all_or_nothing() {
    let app = app(false).await;
    let (status, done) = import(&app, "", "text/csv; charset=utf-8", CSV).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(
        done,
        json!({"mode": "upsert", "created": 2, "updated": 0, "removed": 0, "total": 2})
    );
    let hoodie = app
        .state
        .store
        .product("other-shop", "HD-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(hoodie.name_zh.as_deref(), Some("灰色连帽衫"));
    assert_eq!(hoodie.price_minor, 4500);
    assert!(
        app.state
            .store
            .product("demo", "HD-1")
            .await
            .unwrap()
            .is_none(),
        "only the key's shop"
    );

    // A bad row anywhere: nothing is written, and the error names its line and field.
    let bad = "sku,name,price_minor,currency,stock\nNEW-1,New thing,100,USD,1\nHD-1,Grey hoodie,cheap,USD,3\n";
    let (status, error) = import(&app, "?mode=replace", "text/csv", bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["code"], "invalid_product");
    let sentence = error["error"].as_str().unwrap();
    assert!(
        sentence.contains("line 3") && sentence.contains("`price_minor`"),
        "{sentence}"
    );
    assert_eq!(skus(&app).await, ["HD-1", "MUG-1"]);
    for (body, words) in [
        (
            "sku,name,price_minor,currency,stock\nA,B,1,usd,1\n",
            ["line 2", "`currency`"],
        ),
        (
            "sku,name,price_minor,currency,stock\nA,B,1,USD,1\na,C,2,USD,1\n",
            ["line 3", "also on line 2"],
        ),
        (
            "sku,name,price_minor,currency,stock\nA,B,1,USD,-1\n",
            ["line 2", "`stock`"],
        ),
    ] {
        let (status, error) = import(&app, "", "text/csv", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
        for w in words {
            assert!(error["error"].as_str().unwrap().contains(w), "{w}: {error}");
        }
    }
    let (status, error) = import(&app, "", "text/csv", "sku,name,colour\nA,B,red\n").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["code"], "malformed_csv");
    assert!(
        error["error"].as_str().unwrap().contains("`colour`"),
        "{error}"
    );

    // JSON, replacing: the catalogue becomes exactly the file.
    let products = json!([
        {"sku": "HD-1", "name": "Grey hoodie", "price_minor": 3900, "currency": "USD", "stock": 5},
        {"sku": "CAP-1", "name": "Cap", "description": "A cap.", "price_minor": 900, "currency": "USD", "stock": 40},
    ]);
    let (status, done) = import(
        &app,
        "?mode=replace",
        "application/json",
        &products.to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(
        done,
        json!({"mode": "replace", "created": 1, "updated": 1, "removed": 1, "total": 2})
    );
    assert_eq!(skus(&app).await, ["CAP-1", "HD-1"]);
    let bad = json!([{"sku": "X", "name": "X", "price_minor": 1, "currency": "USD", "stock": 1}, {"sku": "Y", "name": "Y", "currency": "USD", "stock": 1}]);
    let (status, error) = import(&app, "?mode=replace", "application/json", &bad.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let sentence = error["error"].as_str().unwrap();
    assert!(
        sentence.contains("product 2") && sentence.contains("price_minor"),
        "{sentence}"
    );
    assert_eq!(skus(&app).await, ["CAP-1", "HD-1"]);

    // Neither CSV nor JSON, a bad mode, and a body over the limit are refused alike.
    let (status, error) = import(&app, "", "text/plain", CSV).await;
    assert_eq!(
        (status, error["code"].as_str()),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Some("wrong_content_type")
        )
    );
    let (status, error) = import(&app, "?mode=merge", "text/csv", CSV).await;
    assert_eq!(
        (status, error["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_mode"))
    );
    let huge = format!(
        "sku,name,price_minor,currency,stock\n{}",
        "A,B,1,USD,1\n".repeat(500_000)
    );
    let (status, error) = import(&app, "", "text/csv", &huge).await;
    assert_eq!(
        (status, error["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("body_too_large"))
    );
}
