# The words the interactive parts of the pages show (the server fills them in).

# The password field's live hint (sign-up, new password).
island-password-too-short = Too short
island-password-enough = Long enough — longer is stronger
island-password-strong = Strong

# The dialog that asks before an activity is deleted (trip and day pages).
island-delete-activity-heading = Delete “{ $title }”?
island-delete-activity-text = It will be removed from the plan. This can’t be undone.
island-delete-activity-cancel = Cancel
island-delete-activity-submit = Delete activity

# The live note on a trip page when someone else changes the trip.
island-live-someone = Someone
island-live-activity-added = { $who } added “{ $summary }”.
island-live-activity-edited = { $who } changed “{ $summary }”.
island-live-activity-moved = { $who } moved “{ $summary }”.
island-live-activity-deleted = { $who } deleted “{ $summary }”.
island-live-trip-edited = { $who } changed the trip’s details.
island-live-member-joined = { $who } joined the trip.
island-live-member-left = { $who } left the trip.
island-live-member-removed = { $who } removed { $summary }.
# The summary says who now has which role (“Ben is now an editor”).
island-live-roles-changed = { $who } changed who does what: { $summary }.
island-live-share-link-created = { $who } made a share link.
island-live-share-link-revoked = { $who } deleted the share link.
island-live-other = { $who } changed the trip.
island-live-gone = This trip was deleted, or you are no longer one of its members. Reload to see where things stand.
