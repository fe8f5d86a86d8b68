//! Paging through endpoints that take `sinceId` / `untilId` / `limit`.

use std::cmp::Ordering;

use futures_util::stream::{self, Stream, TryStreamExt};

use crate::types::Id;
use crate::{Client, Endpoint, Result};

/// An endpoint whose results can be paged with `sinceId`/`untilId`/`limit`.
///
/// Generated for every endpoint that takes those parameters and answers an array of items
/// with an `id`.
pub trait Paginated: Endpoint<Response = Vec<<Self as Paginated>::Item>> + Clone {
    /// One element of a page.
    type Item: Send + 'static;
    /// Sets (or clears) `sinceId`: items newer than this id.
    fn set_since_id(&mut self, id: Option<Id>);
    /// Sets (or clears) `untilId`: items older than this id.
    fn set_until_id(&mut self, id: Option<Id>);
    /// Sets `limit`, the page size.
    fn set_limit(&mut self, limit: u32);
    /// The id of an item, used as the cursor for the next page.
    fn item_id(item: &Self::Item) -> Option<&str>;
}

/// The page size when none is set: the largest Misskey accepts.
pub const DEFAULT_PAGE_SIZE: u32 = 100;

/// Which way a [`Pager`] walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Newest first, with `untilId`: from the newest (or the starting id) back to the oldest.
    #[default]
    Backward,
    /// Oldest first, with `sinceId`: from the starting id (or the very first item) onwards.
    Forward,
}

/// Turns a pageable request into a stream of items; see [`Client::paginate`].
///
/// The pager owns the request's `sinceId`, `untilId` and `limit`. Values already set on the
/// request are read as the starting point and the bound: walking backward, `untilId` is where
/// it starts and `sinceId` where it stops; walking forward the other way round. Only the
/// cursor of the walking direction is sent (a server given both answers newest-first, which
/// would skip items walking forward); the bound is enforced here.
///
/// Each page is put in walking order whatever order the server used (upstream Misskey
/// answers `sinceId` pages oldest-first, some endpoints and forks newest-first), the cursor
/// moves to the page's last id, and items at or beyond the previous cursor are dropped. The
/// stream ends on an empty page, at the bound, at [`Pager::limit`], or when the cursor does
/// not move (so a misbehaving server cannot make it loop). A short page does not end it:
/// servers filter pages after fetching them (mutes, blocks), so a short page is not the end.
#[must_use = "a pager does nothing until it is streamed"]
pub struct Pager<E: Paginated> {
    client: Client,
    request: E,
    direction: Direction,
    page_size: u32,
    limit: Option<usize>,
    since_id: Option<String>,
    until_id: Option<String>,
}

impl<E: Paginated + std::fmt::Debug> std::fmt::Debug for Pager<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pager")
            .field("endpoint", &E::NAME)
            .field("request", &self.request)
            .field("direction", &self.direction)
            .field("page_size", &self.page_size)
            .field("limit", &self.limit)
            .field("since_id", &self.since_id)
            .field("until_id", &self.until_id)
            .finish()
    }
}

impl Client {
    /// Pages through a request's results as a stream of items; newest first unless
    /// [`Pager::forward`] is chosen.
    ///
    /// ```no_run
    /// # use misskey_client::{Client, pagination::Paginated, Result};
    /// # async fn run<E: Paginated>(client: Client, request: E) -> Result<()>
    /// # where E::Item: std::fmt::Debug {
    /// use futures_util::TryStreamExt;
    /// let mut items = Box::pin(client.paginate(request).page_size(50).limit(500).into_stream());
    /// while let Some(item) = items.try_next().await? {
    ///     println!("{item:?}");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn paginate<E: Paginated>(&self, request: E) -> Pager<E> {
        // Read cursors the caller already set; the trait has setters only.
        let current = serde_json::to_value(&request).ok();
        let cursor = |key: &str| {
            current
                .as_ref()
                .and_then(|v| v.get(key))
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        Pager {
            client: self.clone(),
            since_id: cursor("sinceId"),
            until_id: cursor("untilId"),
            request,
            direction: Direction::Backward,
            page_size: DEFAULT_PAGE_SIZE,
            limit: None,
        }
    }
}

struct State<E> {
    client: Client,
    request: E,
    direction: Direction,
    page_size: u32,
    remaining: Option<usize>,
    cursor: Option<String>,
    bound: Option<String>,
    done: bool,
}

impl<E: Paginated> Pager<E> {
    /// Newest first, following `untilId` (the default).
    pub fn backward(mut self) -> Self {
        self.direction = Direction::Backward;
        self
    }

    /// Oldest first, following `sinceId`. Without a starting id it starts at the very first
    /// item (a `sinceId` below every id).
    pub fn forward(mut self) -> Self {
        self.direction = Direction::Forward;
        self
    }

    /// Sets the direction.
    pub fn direction(mut self, direction: Direction) -> Self {
        self.direction = direction;
        self
    }

    /// Items per request (`limit`), 1 to 100 on Misskey; [`DEFAULT_PAGE_SIZE`] by default.
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = size.max(1);
        self
    }

    /// Stops after this many items in all.
    pub fn limit(mut self, total: usize) -> Self {
        self.limit = Some(total);
        self
    }

    /// Items newer than this id only: the start walking forward, the end walking backward.
    pub fn since_id(mut self, id: impl Into<String>) -> Self {
        self.since_id = Some(id.into());
        self
    }

    /// Items older than this id only: the start walking backward, the end walking forward.
    pub fn until_id(mut self, id: impl Into<String>) -> Self {
        self.until_id = Some(id.into());
        self
    }

    /// The items, one request per page, fetched as the stream is polled.
    /// An error ends the stream after it is yielded.
    pub fn into_stream(self) -> impl Stream<Item = Result<E::Item>> + Send + 'static {
        let (cursor, bound) = match self.direction {
            Direction::Backward => (self.until_id, self.since_id),
            // "0" sorts below every Misskey id, so this starts at the first item.
            Direction::Forward => (
                Some(self.since_id.unwrap_or_else(|| "0".into())),
                self.until_id,
            ),
        };
        let state = State {
            client: self.client,
            request: self.request,
            direction: self.direction,
            page_size: self.page_size,
            remaining: self.limit,
            cursor,
            bound,
            done: false,
        };
        stream::try_unfold(state, next_page)
            .map_ok(|page: Vec<E::Item>| stream::iter(page.into_iter().map(Ok)))
            .try_flatten()
    }

    /// Collects every item into a `Vec`.
    pub async fn collect_all(self) -> Result<Vec<E::Item>> {
        self.into_stream().try_collect().await
    }
}

async fn next_page<E: Paginated>(mut st: State<E>) -> Result<Option<(Vec<E::Item>, State<E>)>> {
    // Loops only past pages that had nothing new, to reach one that has (or the end).
    loop {
        if st.done || st.remaining == Some(0) {
            return Ok(None);
        }
        let size = match st.remaining {
            Some(r) => st.page_size.min(u32::try_from(r).unwrap_or(u32::MAX)),
            None => st.page_size,
        };
        let forward = st.direction == Direction::Forward;
        st.request.set_limit(size);
        if forward {
            st.request.set_since_id(st.cursor.clone());
            st.request.set_until_id(None);
        } else {
            st.request.set_until_id(st.cursor.clone());
            st.request.set_since_id(None);
        }
        let mut page = st.client.call(&st.request).await?;
        if page.is_empty() {
            return Ok(None);
        }

        // Put the page in walking order (newest first backward, oldest first forward).
        let want = if forward {
            Ordering::Less
        } else {
            Ordering::Greater
        };
        if let (Some(first), Some(last)) = (
            page.first().and_then(E::item_id),
            page.last().and_then(E::item_id),
        ) {
            if first.cmp(last) == want.reverse() {
                page.reverse();
            }
        }
        // "Beyond" in walking order: newer forward, older backward.
        let beyond = |id: &str, than: &str| id.cmp(than) == want.reverse();

        let next_cursor = page
            .iter()
            .filter_map(E::item_id)
            .reduce(|a, b| if beyond(b, a) { b } else { a })
            .map(str::to_owned);
        let old_cursor = st.cursor.clone();
        // Keep only items past the previous cursor (a server may repeat an item) and before
        // the bound; an item without an id cannot be placed, so it is kept.
        let mut reached_bound = false;
        page.retain(|item| match E::item_id(item) {
            None => true,
            Some(id) => {
                if st.bound.as_deref().is_some_and(|b| !beyond(b, id)) {
                    reached_bound = true;
                    return false;
                }
                old_cursor.as_deref().is_none_or(|c| beyond(id, c))
            }
        });
        match (&next_cursor, &old_cursor) {
            (Some(next), Some(old)) if !beyond(next, old) => st.done = true,
            (None, _) => st.done = true,
            _ => {}
        }
        st.done |= reached_bound;
        st.cursor = next_cursor;
        if let Some(r) = &mut st.remaining {
            page.truncate(*r);
            *r -= page.len();
        }
        if page.is_empty() {
            continue;
        }
        return Ok(Some((page, st)));
    }
}
