//! `/api/docs`: a readable reference of the API, rendered on the server from the same OpenAPI
//! description as `/api/v1/openapi.json`. Plain HTML in the site's layout: no scripts, nothing
//! fetched from elsewhere, so it works offline and under the site's CSP.

use std::fmt::Write as _;

use axum::{
    body::Bytes,
    extract::State,
    http::header,
    response::{Html, IntoResponse, Response},
};
use serde_json::{Map, Value};
use utoipa::OpenApi;

use super::openapi::ApiDoc;
use crate::routes::error_pages::ErrorPages;

/// The reference page, rendered once at start-up (cloning shares the bytes).
#[derive(Clone)]
pub struct Reference(Bytes);

impl Reference {
    /// Renders the page in the site's layout; examples use `base_url`, and it states the rate
    /// limit in force.
    pub fn new(pages: &ErrorPages, base_url: &str, requests_per_minute: u32) -> Self {
        let main = match serde_json::to_value(ApiDoc::openapi()) {
            Ok(spec) => render(&spec, base_url, requests_per_minute),
            Err(error) => {
                tracing::error!(%error, "could not encode the OpenAPI description");
                "<h1>API reference</h1><p>The reference could not be built; the description is at <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a>.</p>".to_string()
            }
        };
        Self(Bytes::from(pages.document("API reference", &main)))
    }
}

#[cfg(test)]
impl Reference {
    pub fn html_for_tests(&self) -> Vec<u8> {
        self.0.to_vec()
    }
}

/// `GET /api/docs`.
pub async fn page(State(reference): State<Reference>) -> Response {
    (
        [(header::CACHE_CONTROL, "public, max-age=300")],
        Html(reference.0),
    )
        .into_response()
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes `text` and turns its `backquoted` spans into `<code>`, the only markup the
/// descriptions use.
fn prose(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn anchor(method: &str, path: &str) -> String {
    let slug: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{method}{slug}")
}

/// The schema's name when it is a reference to one of the components.
fn ref_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
}

/// A short, linked description of a schema's type: `string (date)`, `list of Activity`,
/// `integer or null`.
fn type_of(schema: &Value) -> String {
    if let Some(name) = ref_name(schema) {
        return format!(
            r##"<a href="#schema-{}">{}</a>"##,
            escape(name),
            escape(name)
        );
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let joiner = if key == "allOf" { " and " } else { " or " };
            return options.iter().map(type_of).collect::<Vec<_>>().join(joiner);
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let values: Vec<String> = values
            .iter()
            .map(|v| {
                let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                format!("<code>{}</code>", escape(&text))
            })
            .collect();
        return format!("one of {}", values.join(", "));
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let nullable = types.contains(&"null");
    let mut names: Vec<String> = types
        .iter()
        .filter(|t| **t != "null")
        .map(|t| match *t {
            "array" => format!(
                "list of {}",
                schema
                    .get("items")
                    .map_or_else(|| "anything".into(), type_of)
            ),
            "string" | "integer" | "number" => match schema.get("format").and_then(Value::as_str) {
                Some(format) => format!("{t} ({})", escape(format)),
                None => (*t).to_string(),
            },
            other => escape(other),
        })
        .collect();
    if names.is_empty() {
        names.push("any".to_string());
    }
    let mut text = names.join(" or ");
    if nullable {
        text.push_str(" or null");
    }
    text
}

/// The body's schema in the first (usually only) content type, with that type.
fn content_schema(content: Option<&Value>) -> Option<(&str, &Value)> {
    let (media_type, media) = content?.as_object()?.iter().next()?;
    Some((media_type.as_str(), media.get("schema")?))
}

/// Opens a table (in a `div` of `class`) with these column headings; [`CLOSE_TABLE`] ends it.
fn open_table(out: &mut String, class: &str, headings: &[&str]) {
    let _ = write!(out, r#"<div class="{class}"><table><thead><tr>"#);
    for heading in headings {
        let _ = write!(out, r#"<th scope="col">{heading}</th>"#);
    }
    out.push_str("</tr></thead><tbody>");
}

const CLOSE_TABLE: &str = "</tbody></table></div>";

fn render_parameters(out: &mut String, parameters: &[Value]) {
    if parameters.is_empty() {
        return;
    }
    out.push_str("<h4>Parameters</h4>");
    open_table(out, "api-table api-table--named", &["Name", "Description"]);
    for parameter in parameters {
        let required = if parameter.get("required").and_then(Value::as_bool) == Some(true) {
            r#" <span class="api-required">required</span>"#
        } else {
            ""
        };
        let _ = write!(
            out,
            "<tr><td><code>{}</code>{required}<br><span class=\"api-type\">{} in the {}</span></td><td>{}</td></tr>",
            escape(str_of(parameter, "name")),
            parameter.get("schema").map(type_of).unwrap_or_default(),
            escape(str_of(parameter, "in")),
            prose(str_of(parameter, "description")),
        );
    }
    out.push_str(CLOSE_TABLE);
}

fn render_operation(out: &mut String, path: &str, method: &str, operation: &Value) {
    let id = anchor(method, path);
    let summary = str_of(operation, "summary");
    let _ = write!(
        out,
        r#"<section class="api-op" id="{id}" aria-labelledby="{id}-title"><h3 id="{id}-title"><span class="api-method api-method--{method}">{}</span> <code>{}</code></h3>"#,
        method.to_ascii_uppercase(),
        escape(path),
    );
    if !summary.is_empty() {
        let _ = write!(out, "<p>{}</p>", prose(summary));
    }
    let description = str_of(operation, "description");
    if !description.is_empty() {
        let _ = write!(out, "<p>{}</p>", prose(description));
    }
    let secured = operation
        .get("security")
        .and_then(Value::as_array)
        .is_some_and(|s| !s.is_empty());
    out.push_str(if secured {
        r#"<p class="api-auth">Needs an access token: <code>Authorization: Bearer …</code></p>"#
    } else {
        r#"<p class="api-auth">No token needed.</p>"#
    });
    let parameters = operation
        .get("parameters")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    render_parameters(out, parameters);
    if let Some((media_type, schema)) =
        content_schema(operation.get("requestBody").and_then(|b| b.get("content")))
    {
        let _ = write!(
            out,
            "<h4>Request body</h4><p>{} as <code>{}</code>.</p>",
            type_of(schema),
            escape(media_type)
        );
    }
    if let Some(responses) = operation.get("responses").and_then(Value::as_object) {
        out.push_str("<h4>Responses</h4>");
        open_table(out, "api-table", &["Status", "Meaning", "Body"]);
        for (status, response) in responses {
            // Success bodies are JSON and errors problem+json, as the introduction says.
            let body = content_schema(response.get("content"))
                .map_or_else(|| "none".to_string(), |(_, schema)| type_of(schema));
            let _ = write!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td>{body}</td></tr>",
                escape(status),
                prose(str_of(response, "description")),
            );
        }
        out.push_str(CLOSE_TABLE);
    }
    out.push_str("</section>");
}

fn render_schema(out: &mut String, name: &str, schema: &Value) {
    let _ = write!(
        out,
        r#"<section class="api-schema" id="schema-{0}" aria-labelledby="schema-{0}-title"><h3 id="schema-{0}-title"><code>{0}</code></h3>"#,
        escape(name)
    );
    let description = str_of(schema, "description");
    if !description.is_empty() {
        let _ = write!(out, "<p>{}</p>", prose(description));
    }
    match schema.get("properties").and_then(Value::as_object) {
        Some(properties) => render_fields(out, schema, properties),
        None => {
            let _ = write!(out, "<p>{}</p>", type_of(schema));
        }
    }
    out.push_str("</section>");
}

fn render_fields(out: &mut String, schema: &Value, properties: &Map<String, Value>) {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    open_table(out, "api-table api-table--named", &["Field", "Description"]);
    for (field, property) in properties {
        let mark = if required.contains(&field.as_str()) {
            r#" <span class="api-required">always</span>"#
        } else {
            ""
        };
        let mut description = prose(str_of(property, "description"));
        if let Some(example) = property.get("example") {
            let _ = write!(
                description,
                r#" <span class="muted">Example: <code>{}</code></span>"#,
                escape(&example.to_string())
            );
        }
        let _ = write!(
            out,
            "<tr><td><code>{}</code>{mark}<br><span class=\"api-type\">{}</span></td><td>{description}</td></tr>",
            escape(field),
            type_of(property),
        );
    }
    out.push_str(CLOSE_TABLE);
}

/// The whole reference: an introduction, a contents list, the operations by tag, the schemas.
fn render(spec: &Value, base_url: &str, requests_per_minute: u32) -> String {
    let mut out = String::new();
    let info = spec.get("info").cloned().unwrap_or_default();
    let _ = write!(
        out,
        r#"<div class="api-doc"><header class="page-head"><div><h1>{}</h1><p class="muted">Version {} · OpenAPI description: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p></div></header><div class="prose"><p>{}</p>"#,
        escape(str_of(&info, "title")),
        escape(str_of(&info, "version")),
        prose(str_of(&info, "description")),
    );
    out.push_str(concat!(
        "<h2 id=\"start\">Getting started</h2><ol>",
        "<li>Create an account with <code>POST /api/v1/auth/register</code>, or log in with <code>POST /api/v1/auth/login</code>. Both answer with an access token and a refresh token.</li>",
        "<li>Send the access token with every call: <code>Authorization: Bearer &lt;access token&gt;</code>.</li>",
        "<li>Access tokens last 15 minutes. Trade the refresh token for a new pair with <code>POST /api/v1/auth/refresh</code>; each refresh token works once (using one twice ends that login).</li>",
        "<li>Bodies are JSON (<code>Content-Type: application/json</code>). Errors are <code>application/problem+json</code>; invalid fields are listed under <code>errors</code>, by field.</li>",
        "</ol>",
    ));
    let _ = write!(
        out,
        "<pre class=\"api-example\"><code>curl -X POST {}/api/v1/auth/login \\\n  -H 'Content-Type: application/json' \\\n  -d '{{\"email\": \"you@example.org\", \"password\": \"…\"}}'</code></pre>",
        escape(base_url)
    );
    let _ = write!(
        out,
        "<p>Each traveler may make {requests_per_minute} requests a minute; beyond that the answer is <code>429</code> with a <code>Retry-After</code> header.</p>"
    );
    out.push_str(concat!(
        "<h2 id=\"errors\">Errors</h2>",
        "<p>Every error is a <a href=\"#schema-Problem\"><code>Problem</code></a> (RFC 9457, <code>application/problem+json</code>) with the HTTP status, a title and a sentence saying what to do. ",
        "Another traveler's trip or activity is answered exactly like one that does not exist: <code>404</code>.</p>",
        "<h3 id=\"problem-validation\">Invalid fields</h3>",
        "<p>When fields are missing or invalid the status is <code>422</code>, the type is <code>/api/docs#problem-validation</code>, nothing is saved, and <code>errors</code> maps each field to a message you can show beside it:</p>",
        "<pre class=\"api-example\"><code>{\n  \"type\": \"/api/docs#problem-validation\",\n  \"title\": \"Some fields are invalid\",\n  \"status\": 422,\n  \"errors\": { \"end_date\": \"The last day can’t be before the first day.\" }\n}</code></pre></div>",
    ));

    let paths = spec.get("paths").and_then(Value::as_object);
    let tags: Vec<(String, String)> = spec
        .get("tags")
        .and_then(Value::as_array)
        .map(|tags| {
            tags.iter()
                .map(|t| {
                    (
                        str_of(t, "name").to_string(),
                        str_of(t, "description").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let operations_of = |tag: &str| -> Vec<(&str, &str, &Value)> {
        let mut found = Vec::new();
        for (path, item) in paths.into_iter().flatten() {
            for method in METHODS {
                if let Some(operation) = item.get(method)
                    && operation
                        .get("tags")
                        .and_then(Value::as_array)
                        .is_some_and(|t| t.iter().any(|t| t.as_str() == Some(tag)))
                {
                    found.push((path.as_str(), method, operation));
                }
            }
        }
        found
    };

    out.push_str(r#"<nav class="api-contents" aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2>"#);
    for (tag, description) in &tags {
        let _ = write!(
            out,
            r##"<h3><a href="#tag-{0}">{1}</a></h3><ul class="api-contents__list">"##,
            escape(tag),
            prose(description)
        );
        for (path, method, _) in operations_of(tag) {
            let _ = write!(
                out,
                r##"<li><a href="#{}"><span class="api-method api-method--{method}">{}</span> <code>{}</code></a></li>"##,
                anchor(method, path),
                method.to_ascii_uppercase(),
                escape(path)
            );
        }
        out.push_str("</ul>");
    }
    out.push_str(r##"<h3><a href="#schemas">Schemas</a></h3></nav>"##);

    for (tag, description) in &tags {
        let _ = write!(
            out,
            r#"<h2 id="tag-{}" class="api-tag">{}</h2>"#,
            escape(tag),
            prose(description)
        );
        for (path, method, operation) in operations_of(tag) {
            render_operation(&mut out, path, method, operation);
        }
    }

    out.push_str(r#"<h2 id="schemas" class="api-tag">Schemas</h2>"#);
    if let Some(schemas) = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for (name, schema) in schemas {
            render_schema(&mut out, name, schema);
        }
    }
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn types_read_as_words_and_link_to_schemas() {
        assert_eq!(
            type_of(&json!({"type": "string", "format": "date"})),
            "string (date)"
        );
        assert_eq!(
            type_of(&json!({"type": ["integer", "null"]})),
            "integer or null"
        );
        assert_eq!(
            type_of(&json!({"type": "array", "items": {"$ref": "#/components/schemas/Trip"}})),
            r##"list of <a href="#schema-Trip">Trip</a>"##
        );
        assert_eq!(
            type_of(&json!({"enum": ["a", "b&c"]})),
            "one of <code>a</code>, <code>b&amp;c</code>"
        );
        assert_eq!(type_of(&json!({})), "any");
    }

    #[test]
    fn descriptions_are_escaped_and_keep_their_code_spans() {
        assert_eq!(
            prose("Send `Authorization: <token>` & wait"),
            "Send <code>Authorization: &lt;token&gt;</code> &amp; wait"
        );
    }
}
