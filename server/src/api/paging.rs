//! Every list is paged the same way: `?page=N` from 1, the page's place in the body (`page`,
//! `pages`, `total`, `page_size`), and a `Link` header (RFC 8288) with the `first`, `prev`,
//! `next` and `last` pages — the same query with only `page` changed — so a client can walk a
//! list by following `next` until there is none.

use axum::http::{HeaderValue, Uri};

/// The `Link` header for page `page` of `pages` (at least one page, even when empty).
pub fn links(uri: &Uri, page: u64, pages: u64) -> Option<HeaderValue> {
    let last = pages.max(1);
    let kept: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .filter(|(name, _)| name != "page")
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    let target = |page: u64| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in &kept {
            query.append_pair(name, value);
        }
        query.append_pair("page", &page.to_string());
        format!("<{}?{}>", uri.path(), query.finish())
    };
    let mut links = vec![format!("{}; rel=\"first\"", target(1))];
    if page > 1 {
        links.push(format!("{}; rel=\"prev\"", target((page - 1).min(last))));
    }
    if page < last {
        links.push(format!("{}; rel=\"next\"", target(page + 1)));
    }
    links.push(format!("{}; rel=\"last\"", target(last)));
    HeaderValue::from_str(&links.join(", ")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links_for(uri: &str, page: u64, pages: u64) -> String {
        let uri: Uri = uri.parse().unwrap();
        links(&uri, page, pages)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn links_keep_the_query_and_change_the_page() {
        assert_eq!(
            links_for("/api/v1/trips?q=a%20b&page=2&sort=name", 2, 3),
            "</api/v1/trips?q=a+b&sort=name&page=1>; rel=\"first\", \
             </api/v1/trips?q=a+b&sort=name&page=1>; rel=\"prev\", \
             </api/v1/trips?q=a+b&sort=name&page=3>; rel=\"next\", \
             </api/v1/trips?q=a+b&sort=name&page=3>; rel=\"last\""
        );
        let only = links_for("/api/v1/trips/x/activities", 1, 0);
        assert!(!only.contains("next") && !only.contains("prev"), "{only}");
        let past = links_for("/api/v1/trips?page=9", 9, 2);
        assert!(past.contains("page=2>; rel=\"prev\""), "{past}");
    }
}
