//! The shop's product catalogue through the admin API: list it, or import it from CSV
//! (`Content-Type: text/csv`, a header row naming the columns) or JSON (`application/json`,
//! an array of products). An import is checked whole before anything is written, and
//! written in one transaction: all of it or none. An error names the line (CSV) or the
//! product's position (JSON) and the field. `?mode=replace` makes the catalogue exactly the
//! file; `?mode=upsert` (the default) adds and updates by SKU and keeps the rest.

use std::collections::HashMap;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::auth::Merchant;
use super::openapi::ErrorBody;
use super::{ApiError, AppState};
use crate::domain::ProductRecord;
use crate::http::json::Json;
use crate::store::{CatalogImport, ImportMode};

/// Largest import body.
pub(super) const MAX_CATALOG_BYTES: usize = 5 << 20;
/// Most products in one import (and so, with `replace`, in a catalogue).
const MAX_PRODUCTS: usize = 10_000;
/// The CSV columns a file must have.
const REQUIRED_COLUMNS: [&str; 5] = ["sku", "name", "price_minor", "currency", "stock"];
/// Every CSV column there is.
const COLUMNS: [&str; 8] = [
    "sku",
    "name",
    "name_zh",
    "description",
    "description_zh",
    "price_minor",
    "currency",
    "stock",
];

/// One product, as imported and as listed (the CSV columns are these field names).
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Product {
    /// Stock-keeping unit, unique in the shop (1 to 64 characters, no spaces).
    #[schema(example = "HD-GRY-M")]
    sku: String,
    /// Name (1 to 200 characters).
    #[schema(example = "Grey hoodie, M")]
    name: String,
    /// Name in Chinese.
    #[serde(default)]
    #[schema(example = "灰色连帽衫 M")]
    name_zh: Option<String>,
    /// Description (up to 2000 characters).
    #[serde(default)]
    description: Option<String>,
    /// Description in Chinese.
    #[serde(default)]
    description_zh: Option<String>,
    /// Price in minor units (4500 for 45.00).
    #[schema(example = 4500)]
    price_minor: u64,
    /// ISO 4217 code.
    #[schema(example = "USD")]
    currency: String,
    /// Units in stock.
    #[schema(example = 12)]
    stock: u32,
}

/// The catalogue.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ProductList {
    /// By SKU.
    products: Vec<Product>,
}

impl From<ProductRecord> for Product {
    fn from(p: ProductRecord) -> Self {
        Self {
            sku: p.sku,
            name: p.name,
            name_zh: p.name_zh,
            description: Some(p.description),
            description_zh: p.description_zh,
            price_minor: p.price_minor,
            currency: p.currency,
            stock: p.stock,
        }
    }
}

fn invalid(at: &str, field: &str, why: impl std::fmt::Display) -> ApiError {
    ApiError::unprocessable("invalid_product", format!("{at}, field `{field}`: {why}"))
}

/// Blank optional text is no text.
fn optional(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

impl Product {
    /// The record to store, or an error naming `at` (the line or position) and the field.
    fn check(self, at: &str) -> Result<ProductRecord, ApiError> {
        let sku = self.sku.trim();
        if sku.is_empty() || sku.len() > 64 || sku.contains(char::is_whitespace) {
            return Err(invalid(at, "sku", "1 to 64 characters without spaces"));
        }
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(invalid(at, "name", "1 to 200 characters"));
        }
        let description = optional(self.description).unwrap_or_default();
        if description.chars().count() > 2000 {
            return Err(invalid(at, "description", "at most 2000 characters"));
        }
        if optional(self.description_zh.clone()).is_some_and(|d| d.chars().count() > 2000) {
            return Err(invalid(at, "description_zh", "at most 2000 characters"));
        }
        if self.price_minor > i64::MAX as u64 {
            return Err(invalid(at, "price_minor", "too large"));
        }
        let currency = self.currency.trim();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(invalid(
                at,
                "currency",
                format!("`{currency}` is not an ISO 4217 code like USD"),
            ));
        }
        Ok(ProductRecord {
            sku: sku.to_string(),
            name: name.to_string(),
            name_zh: optional(self.name_zh),
            description,
            description_zh: optional(self.description_zh),
            price_minor: self.price_minor,
            currency: currency.to_string(),
            stock: self.stock,
        })
    }
}

/// Products from a CSV file, each with its line number.
fn from_csv(bytes: &[u8]) -> Result<Vec<(String, Product)>, ApiError> {
    let malformed = |why: String| ApiError::bad_request("malformed_csv", why);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| malformed(format!("the header row cannot be read: {e}")))?
        .clone();
    for column in &headers {
        if !COLUMNS.contains(&column) {
            return Err(malformed(format!(
                "line 1: unknown column `{column}`; the columns are {}",
                COLUMNS.join(", ")
            )));
        }
    }
    for column in REQUIRED_COLUMNS {
        if !headers.iter().any(|h| h == column) {
            return Err(malformed(format!(
                "line 1: the column `{column}` is missing; the header row must name {}",
                REQUIRED_COLUMNS.join(", ")
            )));
        }
    }
    let mut products = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| malformed(csv_error(&e, &headers)))?;
        let line = record.position().map_or(0, |p| p.line());
        let product = record
            .deserialize::<Product>(Some(&headers))
            .map_err(|e| ApiError::unprocessable("invalid_product", csv_error(&e, &headers)))?;
        products.push((format!("line {line}"), product));
    }
    Ok(products)
}

/// A CSV error in terms of the file: its line and column.
fn csv_error(e: &csv::Error, headers: &csv::StringRecord) -> String {
    match e.kind() {
        csv::ErrorKind::Deserialize { pos, err } => {
            let line = pos.as_ref().map_or(0, |p| p.line());
            let field = err
                .field()
                .and_then(|i| headers.get(i as usize))
                .unwrap_or("?");
            let why = match err.kind() {
                csv::DeserializeErrorKind::ParseInt(e) => format!("not a whole number ({e})"),
                other => other.to_string(),
            };
            format!("line {line}, field `{field}`: {why}")
        }
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => format!(
            "line {}: {len} fields where the header row has {expected_len}",
            pos.as_ref().map_or(0, |p| p.line())
        ),
        csv::ErrorKind::Utf8 { pos, .. } => format!(
            "line {}: not UTF-8 text",
            pos.as_ref().map_or(0, |p| p.line())
        ),
        _ => e.to_string(),
    }
}

/// Products from a JSON array, each with its position.
fn from_json(bytes: &[u8]) -> Result<Vec<(String, Product)>, ApiError> {
    let items: Vec<serde_json::Value> = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request(
            "malformed_json",
            format!("the body is not a JSON array of products ({e})"),
        )
    })?;
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("product {}", i + 1);
            serde_json::from_value::<Product>(item)
                .map(|p| (at.clone(), p))
                .map_err(|e| ApiError::unprocessable("invalid_product", format!("{at}: {e}")))
        })
        .collect()
}

/// Checks every product and that no SKU is there twice.
fn checked(products: Vec<(String, Product)>) -> Result<Vec<ProductRecord>, ApiError> {
    if products.is_empty() {
        return Err(ApiError::unprocessable(
            "empty_catalog",
            "the file has no products",
        ));
    }
    if products.len() > MAX_PRODUCTS {
        return Err(ApiError::unprocessable(
            "too_many_products",
            format!("at most {MAX_PRODUCTS} products per import"),
        ));
    }
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut records = Vec::with_capacity(products.len());
    for (at, product) in products {
        let record = product.check(&at)?;
        if let Some(first) = seen.insert(record.sku.to_lowercase(), at.clone()) {
            return Err(invalid(
                &at,
                "sku",
                format!("`{}` is also on {first}", record.sku),
            ));
        }
        records.push(record);
    }
    Ok(records)
}

fn import_mode(query: Option<&str>) -> Result<ImportMode, ApiError> {
    let mut mode = ImportMode::default();
    for pair in query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        mode = match pair.split_once('=') {
            Some(("mode", "replace")) => ImportMode::Replace,
            Some(("mode", "upsert")) => ImportMode::Upsert,
            _ => {
                return Err(ApiError::bad_request(
                    "invalid_mode",
                    format!("`{pair}`: use ?mode=replace or ?mode=upsert"),
                ));
            }
        };
    }
    Ok(mode)
}

/// The catalogue.
#[utoipa::path(
    get,
    path = "/v1/admin/catalog",
    tag = "catalog",
    responses((status = OK, body = ProductList))
)]
pub(super) async fn list(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    let products = state.store.catalog(&merchant).await?;
    let products = products.into_iter().map(Product::from).collect();
    Ok(Json(ProductList { products }).into_response())
}

/// Imports products from CSV or JSON, all or none.
#[utoipa::path(
    post,
    path = "/v1/admin/catalog",
    tag = "catalog",
    params(("mode" = Option<ImportMode>, Query, description = "`replace`: the catalogue becomes the file; `upsert` (default): add and update by SKU")),
    request_body(
        description = "CSV with a header row (`sku,name,name_zh,description,description_zh,price_minor,currency,stock`; the optional columns may be left out), or a JSON array of products. At most 5 MiB and 10000 products.",
        content(
            (Vec<Product> = "application/json"),
            (String = "text/csv", example = "sku,name,price_minor,currency,stock\nHD-GRY-M,\"Grey hoodie, M\",4500,USD,12\n"),
        )
    ),
    responses(
        (status = OK, description = "Imported", body = CatalogImport),
        (status = BAD_REQUEST, description = "Not CSV or JSON as described (`malformed_csv`, `malformed_json`, `invalid_mode`)", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A product is wrong; the error names its line or position and the field (`invalid_product`, `empty_catalog`, `too_many_products`)", body = ErrorBody),
        (status = PAYLOAD_TOO_LARGE, description = "Over 5 MiB (`body_too_large`)", body = ErrorBody),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "Neither text/csv nor application/json (`wrong_content_type`)", body = ErrorBody),
    )
)]
pub(super) async fn import(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let mode = import_mode(query.as_deref())?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let csv = match content_type.as_str() {
        "text/csv" => true,
        "application/json" => false,
        _ => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "wrong_content_type",
                "send the catalogue as `Content-Type: text/csv` or `application/json`",
            ));
        }
    };
    let bytes = axum::body::to_bytes(body, MAX_CATALOG_BYTES)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!(
                    "a catalogue import is at most {} MiB; split it and import with ?mode=upsert",
                    MAX_CATALOG_BYTES >> 20
                ),
            )
        })?;
    let products = if csv {
        from_csv(&bytes)?
    } else {
        from_json(&bytes)?
    };
    let records = checked(products)?;
    let done = state
        .store
        .import_catalog(&merchant, &records, mode)
        .await?;
    Ok(Json(done).into_response())
}
