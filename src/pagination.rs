//! Paging through endpoints that take `sinceId` / `untilId` / `limit`.

use crate::types::Id;
use crate::Endpoint;

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
