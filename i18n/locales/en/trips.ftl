# The trips list.

trips-title = Your trips
trips-new = New trip
trips-loading = Loading your trips…
trips-tabs = Which trips
status-upcoming = Upcoming
status-past = Past
status-all = All
trips-all = All trips
filters-label = Find trips
filter-search = Search
filter-search-placeholder = Name, place or activity
filter-from = From
filter-to = To
filter-whose = Whose
whose-all = All trips
whose-mine = Mine
whose-shared = Shared with me
filter-sort = Sort by
sort-start = Start date
sort-name = Name
sort-updated = Recently updated
filters-apply = Apply
filters-clear = Clear
trip-count = { $count ->
    [one] { $count } trip
   *[other] { $count } trips
}
trips-page-of = page { $page } of { $pages }
trips-recent-past = Recent past trips
trips-see-past = See all past trips
trips-empty-title = No trips yet
trips-empty-text = Start with where you’re going and when. You can add the day-by-day plan and the budget as you go.
trips-empty-first = Plan your first trip
trips-empty-page = There’s nothing on page { $page }.
trips-first-page = Go to the first page
trips-no-match = No trips match these filters.
trips-clear-filters = Clear the filters
trips-none-upcoming = No upcoming trips. Where to next?
trips-none-past = No past trips yet.
trips-none = No trips yet.
trips-plan = Plan a trip
card-owner = { $owner }’s trip
card-you-editor = You’re an editor
card-you-viewer = You’re a viewer
timing-tomorrow = tomorrow
timing-in-days = { $days ->
    [one] in { $days } day
   *[other] in { $days } days
}
timing-now = now
timing-ended = ended
invitations-title = Invitations
invitation-from = { $inviter } invited you to “{ $trip }”
invitation-as-editor = as an editor
invitation-as-viewer = as a viewer
invitation-join = Join
invitation-decline = Decline
pages-label = Pages
page-previous = ← Previous
page-next = Next →
page-of = Page { $page } of { $pages }
