# The mails the app sends. A body ends with a line break: its last line is `{""}`.
# Links are filled in by the code; keep each on a line of its own.

# Sign-up: the link that finishes an account (in the language of the sign-up page).
mail-signup-link-subject = Finish creating your Travel Planner account
mail-signup-link-body =
    Hello,

    Open this link to finish creating your Travel Planner account:

    { $link }

    The link works for 24 hours. If you didn't ask for an account, ignore this email: nothing is created without the link.
    {""}

# Sign-up with an address that already has an account.
mail-signup-registered-subject = You already have a Travel Planner account
mail-signup-registered-body =
    Hello,

    Someone (hopefully you) tried to create a Travel Planner account with this address, but it already has one. Log in here:

    { $login }

    Forgotten your password? Choose a new one here:

    { $forgot }

    If it wasn't you, ignore this email: nothing has changed.
    {""}

# A forgotten password: the reset link (valid one hour).
mail-reset-subject = Reset your Travel Planner password
mail-reset-body =
    Hello { $name },

    Someone (hopefully you) asked to reset the password for your Travel Planner account.
    Choose a new password here within the next hour:

    { $link }

    If it wasn't you, ignore this email: your password stays as it is.
    {""}

# Confirming the current address of an older account.
mail-confirm-subject = Confirm your email for Travel Planner
mail-confirm-body =
    Hello { $name },

    Please confirm that this is your email address:

    { $link }

    The link works for seven days. If you didn't create a Travel Planner account, ignore this email.
    {""}

# Changing the email address: the note to the current address.
mail-change-notice-subject = Your Travel Planner email is being changed
mail-change-notice-body =
    Hello { $name },

    Someone logged in to your Travel Planner account asked to change its email address to { $address }. It changes once that address confirms it.

    If it wasn't you, change your password now: { $link }
    {""}

# Changing the email address: the link to the new address.
mail-change-link-subject = Confirm your new email for Travel Planner
mail-change-link-body =
    Hello,

    Open this link to make this the email address of your Travel Planner account:

    { $link }

    The link works for seven days. If you didn't ask for this, ignore this email: nothing changes without it.
    {""}

# Changing the email address to one that another account has: the note to that account.
mail-change-taken-subject = Someone tried to use your address on Travel Planner
mail-change-taken-body =
    Hello,

    Someone with a Travel Planner account asked to change its email address to this one, which already belongs to an account. Nothing was changed, and nothing is needed from you.
    {""}

# An invitation to plan a trip together. $role is `editor` or `viewer`.
mail-invitation-someone = Someone
mail-invitation-subject = { $inviter } invited you to plan “{ $trip }”
mail-invitation-body =
    Hello,

    { $inviter } invited you to plan “{ $trip }” ({ $place }, { $dates }) on Travel Planner, as { $role ->
        [editor] an editor: you can change the trip and its plan
       *[viewer] a viewer: you can see the trip and its plan
    }.

    Open this link to accept or decline:

    { $link }

    You can create an account there if you don't have one. The link works for 7 days. If you weren't expecting this, ignore this email.
    {""}
