# Role names (members page, invitation page).

members-role-owner = Owner
members-role-editor = Editor
members-role-viewer = Viewer

# The members page.

members-title = Members
members-loading = Loading the members…
members-you-are-owner = You are the owner of this trip.
members-you-are-editor = You are an editor of this trip.
members-you-are-viewer = You are a viewer of this trip.
members-see-history = See its history
# After the traveler’s own name in the list.
members-you = (you)
members-roles-summary = What each role can do
members-roles-owner = Everything: changes the trip and its plan, invites people, shares it, deletes it.
members-roles-editor = Changes the trip’s details and its plan.
members-roles-viewer = Sees the trip and its plan; changes nothing.
# The label of the role menu, for screen readers.
members-role-of = Role of { $name }
members-change-role = Change role
members-make-owner = Make owner
# Read by screen readers after “Make owner” (members-make-owner).
members-make-owner-who = : { $name }
members-remove = Remove
# Read by screen readers after “Remove” (members-remove).
members-remove-who = { " " }{ $name }
members-leave-heading = Leave this trip
members-leave-text = You will no longer see it. Its owner can invite you again.
members-leave-submit = Leave the trip

# The members page: inviting someone.

members-invite-heading = Invite someone
members-invite-text = They get an email with a link that works for 7 days. They can create an account through it.
members-invite-email = Email address
members-invite-role = Role
members-invite-as-editor = Editor — changes the trip and its plan
members-invite-as-viewer = Viewer — only sees them
members-invite-submit = Send invitation

# The members page: invitations waiting for an answer.

members-pending-heading = Waiting for an answer
members-pending-none = No open invitations.
members-pending-until = Link works until { $date }
members-resend = Send again
# Read by screen readers after “Send again” (members-resend).
members-resend-to = { " " }to { $email }
members-withdraw = Withdraw
# Read by screen readers after “Withdraw” (members-withdraw).
members-withdraw-to = { " " }the invitation to { $email }

# The members page: the share link.

members-share-heading = Share a read-only link
members-share-none = Anyone with a share link can see the trip and its plan, without an account. It is not listed anywhere.
members-share-since = A read-only link exists since { $date }.
# After members-share-since: what the link shows.
members-share-shows-plan = It shows the plan.
members-share-shows-budget = It shows the plan, the budget and costs.
members-share-shows-notes = It shows the plan, the notes.
members-share-shows-all = It shows the plan, the budget and costs, the notes.
members-share-new = Your new link — copy it now: it is shown only once
members-share-budget = Show the budget and costs
members-share-notes = Show the notes
members-share-make = Make a link
members-share-replace = Replace the link
members-share-delete = Delete the link

# Messages shown on the next page after a change.

members-flash-invited = Invitation sent to { $email }.
members-flash-resent = Invitation sent again to { $email }.
members-flash-withdrawn = Invitation withdrawn: its link no longer works.
members-flash-role-changed = Role changed.
members-flash-removed = Removed from the trip.
members-flash-handed-over = The trip is theirs now; you are an editor.
members-flash-left = You left the trip.
members-flash-link-deleted = The share link was deleted: it no longer works.
members-flash-joined = You joined the trip.
members-flash-declined = Invitation declined.
members-flash-welcome = Welcome! You joined the trip.

# The page an invitation email links to.

members-invitation-title = Invitation
members-invitation-invalid-heading = This invitation can’t be used
members-invitation-invalid = This invitation link is not valid any more: it may have been used, withdrawn or have expired. Ask the person who invited you to send a new one.
members-invitation-home = Go to the home page
members-invitation-heading = Plan “{ $trip }” together
members-invitation-as-owner = { $inviter } invited you to { $trip } ({ $destination }) as owner.
members-invitation-as-editor = { $inviter } invited you to { $trip } ({ $destination }) as editor.
members-invitation-as-viewer = { $inviter } invited you to { $trip } ({ $destination }) as viewer.
members-invitation-join = Join the trip
members-invitation-decline = Decline
# Followed by a link (members-invitation-log-in).
members-invitation-have-account = Already have an account?
members-invitation-log-in = Log in to accept
# Followed by the “Decline” button.
members-invitation-not-you = Not for you?
members-signup-heading = Create your account
members-signup-email = Email
members-signup-email-hint = The address the invitation was sent to.
members-signup-name = Your name
members-signup-password = Password
members-signup-password-hint = At least 8 characters.
members-signup-confirm = Confirm password
members-signup-submit = Create account and join

# The trip behind a share link.

members-shared-loading = Loading the trip…
members-shared-banner = A read-only view of a trip shared with you.
