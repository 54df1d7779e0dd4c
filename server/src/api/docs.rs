//! `/api/docs`: a readable reference of the API, rendered on the server from the same OpenAPI
//! description as `/api/v1/openapi.json`. Plain HTML in the site's layout: no scripts, nothing
//! fetched from elsewhere, so it works offline and under the site's CSP.
//!
//! The HTML is built with Leptos views, which escape every text and attribute taken from the
//! description; the only markup the descriptions carry, `backquoted` code, becomes [`Inline`]
//! pieces.

use axum::{
    body::Bytes,
    extract::State,
    http::header,
    response::{Html, IntoResponse, Response},
};
use leptos::{
    either::{Either, EitherOf3},
    prelude::*,
};
use serde_json::{Map, Value};
use utoipa::OpenApi;

use super::openapi::ApiDoc;
use crate::plain_pages::ErrorPages;

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
                view! {
                    <h1>"API reference"</h1>
                    <p>
                        "The reference could not be built; the description is at "
                        <a href="/api/v1/openapi.json">"/api/v1/openapi.json"</a>"."
                    </p>
                }
                .to_html()
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

/// A piece of running text: plain text, a code span, or a link to one of the schemas.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Inline {
    Text(String),
    Code(String),
    Schema(String),
}

/// Running text as pieces; adjacent texts are kept as one, so they render as one text node.
#[derive(Debug, Default, PartialEq, Eq)]
struct Inlines(Vec<Inline>);

impl Inlines {
    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(Inline::Text(last)) => last.push_str(text),
            _ => self.0.push(Inline::Text(text.to_string())),
        }
    }

    fn push(&mut self, piece: Inline) {
        match piece {
            Inline::Text(text) => self.text(&text),
            other => self.0.push(other),
        }
    }

    fn append(&mut self, other: Inlines) {
        for piece in other.0 {
            self.push(piece);
        }
    }

    fn view(self) -> impl IntoView {
        fn piece(piece: Inline) -> impl IntoView {
            match piece {
                Inline::Text(text) => EitherOf3::A(text),
                Inline::Code(code) => EitherOf3::B(view! { <code>{code}</code> }),
                Inline::Schema(name) => {
                    let href = format!("#schema-{name}");
                    EitherOf3::C(view! { <a href=href>{name}</a> })
                }
            }
        }
        match <[Inline; 1]>::try_from(self.0) {
            Ok([one]) => Either::Left(piece(one)),
            Err(pieces) => Either::Right(pieces.into_iter().map(piece).collect_view()),
        }
    }
}

/// `text` with its `backquoted` spans as code, the only markup the descriptions use.
fn prose(text: &str) -> Inlines {
    let mut out = Inlines::default();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            if !part.is_empty() {
                out.push(Inline::Code(part.to_string()));
            }
        } else {
            out.text(part);
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

/// The longest list of allowed values shown whole.
const ENUM_SHOWN_MAX: usize = 12;

/// A short, linked description of a schema's type: `string (date)`, `list of Activity`,
/// `integer or null`.
fn type_of(schema: &Value) -> Inlines {
    let mut out = Inlines::default();
    if let Some(name) = ref_name(schema) {
        out.push(Inline::Schema(name.to_string()));
        return out;
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let joiner = if key == "allOf" { " and " } else { " or " };
            for (i, option) in options.iter().enumerate() {
                if i > 0 {
                    out.text(joiner);
                }
                out.append(type_of(option));
            }
            return out;
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        // A long list (every currency, every zone) would bury the page: a few, and the count.
        let long = values.len() > ENUM_SHOWN_MAX;
        if long {
            out.text(&format!("one of {} values, such as ", values.len()));
        } else {
            out.text("one of ");
        }
        let shown = if long { 3 } else { values.len() };
        for (i, value) in values.iter().take(shown).enumerate() {
            if i > 0 {
                out.text(", ");
            }
            let text = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string);
            out.push(Inline::Code(text));
        }
        if long {
            out.text(" (the OpenAPI description lists them all)");
        }
        return out;
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let mut named = false;
    for kind in types.iter().filter(|t| **t != "null") {
        if named {
            out.text(" or ");
        }
        named = true;
        match *kind {
            "array" => {
                out.text("list of ");
                match schema.get("items") {
                    Some(items) => out.append(type_of(items)),
                    None => out.text("anything"),
                }
            }
            "string" | "integer" | "number" => match schema.get("format").and_then(Value::as_str) {
                Some(format) => out.text(&format!("{kind} ({format})")),
                None => out.text(kind),
            },
            other => out.text(other),
        }
    }
    if !named {
        out.text("any");
    }
    if types.contains(&"null") {
        out.text(" or null");
    }
    out
}

/// The body's schema in the first (usually only) content type, with that type.
fn content_schema(content: Option<&Value>) -> Option<(&str, &Value)> {
    let (media_type, media) = content?.as_object()?.iter().next()?;
    Some((media_type.as_str(), media.get("schema")?))
}

/// A table (in a `div` of `class`) with these column headings and rows.
fn table(class: &'static str, headings: impl IntoView, rows: impl IntoView) -> impl IntoView {
    view! {
        <div class=class>
            <table>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A paragraph of `text`, unless it is empty.
fn paragraph(text: &str) -> impl IntoView {
    (!text.is_empty()).then(|| view! { <p>{prose(text).view()}</p> })
}

/// A method's badge: `GET`, `POST`…
fn method_badge(method: &'static str) -> impl IntoView {
    view! {
        <span class=format!("api-method api-method--{method}")>{method.to_ascii_uppercase()}</span>
    }
}

fn parameters_view(parameters: &[Value]) -> impl IntoView {
    let rows = parameters
        .iter()
        .map(|parameter| {
            let required = parameter.get("required").and_then(Value::as_bool) == Some(true);
            let mut kind = parameter.get("schema").map(type_of).unwrap_or_default();
            kind.text(&format!(" in the {}", str_of(parameter, "in")));
            view! {
                <tr>
                    <td>
                        <code>{str_of(parameter, "name").to_string()}</code>
                        {required.then(|| view! { " " <span class="api-required">"required"</span> })}
                        <br />
                        <span class="api-type">{kind.view()}</span>
                    </td>
                    <td>{prose(str_of(parameter, "description")).view()}</td>
                </tr>
            }
        })
        .collect_view();
    (!parameters.is_empty()).then(|| {
        view! {
            <h4>"Parameters"</h4>
            {table(
                "api-table api-table--named",
                view! {
                    <th scope="col">"Name"</th>
                    <th scope="col">"Description"</th>
                },
                rows,
            )}
        }
    })
}

fn responses_view(responses: &Map<String, Value>) -> impl IntoView {
    let rows = responses
        .iter()
        .map(|(status, response)| {
            // Success bodies are JSON and errors problem+json, as the introduction says.
            let body = match content_schema(response.get("content")) {
                Some((_, schema)) => type_of(schema),
                None => prose("none"),
            };
            view! {
                <tr>
                    <td>
                        <code>{status.clone()}</code>
                    </td>
                    <td>{prose(str_of(response, "description")).view()}</td>
                    <td>{body.view()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h4>"Responses"</h4>
        {table(
            "api-table",
            view! {
                <th scope="col">"Status"</th>
                <th scope="col">"Meaning"</th>
                <th scope="col">"Body"</th>
            },
            rows,
        )}
    }
}

fn operation_view(path: &str, method: &'static str, operation: &Value) -> impl IntoView {
    let id = anchor(method, path);
    let secured = operation
        .get("security")
        .and_then(Value::as_array)
        .is_some_and(|s| !s.is_empty());
    let auth = if secured {
        Either::Left(view! {
            <p class="api-auth">"Needs an access token: "<code>"Authorization: Bearer …"</code></p>
        })
    } else {
        Either::Right(view! { <p class="api-auth">"No token needed."</p> })
    };
    let parameters = operation
        .get("parameters")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let request_body = content_schema(operation.get("requestBody").and_then(|b| b.get("content")))
        .map(|(media_type, schema)| {
            let mut body = type_of(schema);
            body.text(" as ");
            body.push(Inline::Code(media_type.to_string()));
            body.text(".");
            view! {
                <h4>"Request body"</h4>
                <p>{body.view()}</p>
            }
        });
    let responses = operation
        .get("responses")
        .and_then(Value::as_object)
        .map(responses_view);
    view! {
        <section class="api-op" id=id.clone() aria-labelledby=format!("{id}-title")>
            <h3 id=format!("{id}-title")>
                {method_badge(method)}
                " "
                <code>{path.to_string()}</code>
            </h3>
            {paragraph(str_of(operation, "summary"))}
            {paragraph(str_of(operation, "description"))}
            {auth}
            {parameters_view(parameters)}
            {request_body}
            {responses}
        </section>
    }
}

fn schema_view(name: &str, schema: &Value) -> impl IntoView {
    let body = match schema.get("properties").and_then(Value::as_object) {
        Some(properties) => Either::Left(fields_view(schema, properties)),
        None => Either::Right(view! { <p>{type_of(schema).view()}</p> }),
    };
    view! {
        <section
            class="api-schema"
            id=format!("schema-{name}")
            aria-labelledby=format!("schema-{name}-title")
        >
            <h3 id=format!("schema-{name}-title")>
                <code>{name.to_string()}</code>
            </h3>
            {paragraph(str_of(schema, "description"))}
            {body}
        </section>
    }
}

fn fields_view(schema: &Value, properties: &Map<String, Value>) -> impl IntoView {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let rows = properties
        .iter()
        .map(|(field, property)| {
            let always = required.contains(&field.as_str());
            let mut description = prose(str_of(property, "description"));
            let example = property.get("example").map(|example| {
                description.text(" ");
                view! {
                    <span class="muted">"Example: "<code>{example.to_string()}</code></span>
                }
            });
            view! {
                <tr>
                    <td>
                        <code>{field.clone()}</code>
                        {always.then(|| view! { " " <span class="api-required">"always"</span> })}
                        <br />
                        <span class="api-type">{type_of(property).view()}</span>
                    </td>
                    <td>{description.view()}{example}</td>
                </tr>
            }
        })
        .collect_view();
    table(
        "api-table api-table--named",
        view! {
            <th scope="col">"Field"</th>
            <th scope="col">"Description"</th>
        },
        rows,
    )
}

/// The fixed introduction: getting started, the rate limit, errors.
fn introduction(base_url: &str, requests_per_minute: u32) -> impl IntoView {
    let example = format!(
        "curl -X POST {base_url}/api/v1/auth/login \\\n  -H 'Content-Type: application/json' \\\n  -d '{{\"email\": \"you@example.org\", \"password\": \"…\"}}'"
    );
    let limit = format!(
        "Each traveler may make {requests_per_minute} requests a minute; beyond that the answer is "
    );
    view! {
        <h2 id="start">"Getting started"</h2>
        <ol>
            <li>
                "Create an account with "<code>"POST /api/v1/auth/register"</code>
                ", or log in with "<code>"POST /api/v1/auth/login"</code>
                ". Both answer with an access token and a refresh token."
            </li>
            <li>
                "Send the access token with every call: "
                <code>"Authorization: Bearer <access token>"</code>"."
            </li>
            <li>
                "Access tokens last 15 minutes. Trade the refresh token for a new pair with "
                <code>"POST /api/v1/auth/refresh"</code>
                "; each refresh token works once (using one twice ends that login)."
            </li>
            <li>
                "Bodies are JSON ("<code>"Content-Type: application/json"</code>"). Errors are "
                <code>"application/problem+json"</code>"; invalid fields are listed under "
                <code>"errors"</code>", by field."
            </li>
        </ol>
        <pre class="api-example">
            <code>{example}</code>
        </pre>
        <p>
            {limit}<code>"429"</code>" with a "<code>"Retry-After"</code>" header."
        </p>
        <h2 id="errors">"Errors"</h2>
        <p>
            "Every error is a "<a href="#schema-Problem"><code>"Problem"</code></a>
            " (RFC 9457, "<code>"application/problem+json"</code>
            ") with the HTTP status, a title and a sentence saying what to do. Another traveler's trip or activity is answered exactly like one that does not exist: "
            <code>"404"</code>"."
        </p>
        <h3 id="problem-validation">"Invalid fields"</h3>
        <p>
            "When fields are missing or invalid the status is "<code>"422"</code>", the type is "
            <code>"/api/docs#problem-validation"</code>", nothing is saved, and "
            <code>"errors"</code>" maps each field to a message you can show beside it:"
        </p>
        <pre class="api-example">
            <code>
                "{\n  \"type\": \"/api/docs#problem-validation\",\n  \"title\": \"Some fields are invalid\",\n  \"status\": 422,\n  \"errors\": { \"end_date\": \"The last day can’t be before the first day.\" }\n}"
            </code>
        </pre>
    }
}

/// The whole reference: an introduction, a contents list, the operations by tag, the schemas.
fn render(spec: &Value, base_url: &str, requests_per_minute: u32) -> String {
    let info = spec.get("info").cloned().unwrap_or_default();
    let paths = spec.get("paths").and_then(Value::as_object);
    let tags: Vec<(&str, &str)> = spec
        .get("tags")
        .and_then(Value::as_array)
        .map(|tags| {
            tags.iter()
                .map(|t| (str_of(t, "name"), str_of(t, "description")))
                .collect()
        })
        .unwrap_or_default();
    let operations_of = |tag: &str| -> Vec<(&str, &'static str, &Value)> {
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

    let contents = tags
        .iter()
        .map(|&(tag, description)| {
            let entries = operations_of(tag)
                .into_iter()
                .map(|(path, method, _)| {
                    view! {
                        <li>
                            <a href=format!("#{}", anchor(method, path))>
                                {method_badge(method)}
                                " "
                                <code>{path.to_string()}</code>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>
                    <a href=format!("#tag-{tag}")>{prose(description).view()}</a>
                </h3>
                <ul class="api-contents__list">{entries}</ul>
            }
        })
        .collect_view();
    let operations = tags
        .iter()
        .map(|&(tag, description)| {
            let operations = operations_of(tag)
                .into_iter()
                .map(|(path, method, operation)| operation_view(path, method, operation))
                .collect_view();
            view! {
                <h2 id=format!("tag-{tag}") class="api-tag">
                    {prose(description).view()}
                </h2>
                {operations}
            }
        })
        .collect_view();
    let schemas = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|schemas| {
            schemas
                .iter()
                .map(|(name, schema)| schema_view(name, schema))
                .collect_view()
        });

    view! {
        <div class="api-doc">
            <header class="page-head">
                <div>
                    <h1>{str_of(&info, "title").to_string()}</h1>
                    <p class="muted">
                        {format!("Version {} · OpenAPI description: ", str_of(&info, "version"))}
                        <a href="/api/v1/openapi.json">"/api/v1/openapi.json"</a>
                    </p>
                </div>
            </header>
            <div class="prose">
                <p>{prose(str_of(&info, "description")).view()}</p>
                {introduction(base_url, requests_per_minute)}
            </div>
            <nav class="api-contents" aria-labelledby="contents-title">
                <h2 id="contents-title">"Contents"</h2>
                {contents}
                <h3>
                    <a href="#schemas">"Schemas"</a>
                </h3>
            </nav>
            {operations}
            <h2 id="schemas" class="api-tag">
                "Schemas"
            </h2>
            {schemas}
        </div>
    }
    .to_html()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The pieces as HTML, without the `<!>` markers Leptos leaves after lists for hydration.
    fn html(inlines: Inlines) -> String {
        inlines.view().to_html().replace("<!>", "")
    }

    #[test]
    fn types_read_as_words_and_link_to_schemas() {
        assert_eq!(
            html(type_of(&json!({"type": "string", "format": "date"}))),
            "string (date)"
        );
        assert_eq!(
            html(type_of(&json!({"type": ["integer", "null"]}))),
            "integer or null"
        );
        assert_eq!(
            type_of(&json!({"type": "array", "items": {"$ref": "#/components/schemas/Trip"}})),
            Inlines(vec![
                Inline::Text("list of ".into()),
                Inline::Schema("Trip".into())
            ])
        );
        assert_eq!(
            html(type_of(
                &json!({"type": "array", "items": {"$ref": "#/components/schemas/Trip"}})
            )),
            r##"list of <a href="#schema-Trip">Trip</a>"##
        );
        assert_eq!(
            html(type_of(&json!({"enum": ["a", "b&c"]}))),
            "one of <code>a</code>, <code>b&amp;c</code>"
        );
        let many: Vec<String> = (0..40).map(|n| format!("v{n}")).collect();
        let said = html(type_of(&json!({ "enum": many })));
        assert!(
            said.starts_with("one of 40 values, such as <code>v0</code>"),
            "{said}"
        );
        assert!(!said.contains("v39"), "{said}");
        assert_eq!(
            html(type_of(&json!({"$ref": "#/components/schemas/A\"<b>&"}))),
            r##"<a href="#schema-A&quot;&lt;b&gt;&amp;">A"&lt;b&gt;&amp;</a>"##
        );
        assert_eq!(html(type_of(&json!({}))), "any");
    }

    #[test]
    fn descriptions_are_escaped_and_keep_their_code_spans() {
        assert_eq!(
            html(prose("Send `Authorization: <token>` & wait")),
            "Send <code>Authorization: &lt;token&gt;</code> &amp; wait"
        );
        assert_eq!(html(prose("`<b>`")), "<code>&lt;b&gt;</code>");
    }
}
